using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Firehose.Delivery;

[JsonConverter(typeof(JsonStringEnumConverter<PlannedObjectKind>))]
internal enum PlannedObjectKind
{
    /// <summary>Delivered records under the Prefix.</summary>
    Data,

    /// <summary>Error records under the ErrorOutputPrefix.</summary>
    Error,
}
