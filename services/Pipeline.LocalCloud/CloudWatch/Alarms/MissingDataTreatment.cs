using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.CloudWatch.Alarms;

/// <summary>How an alarm treats a period without data (the model's <c>TreatMissingData</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MissingDataTreatment>))]
public enum MissingDataTreatment
{
    /// <summary>Not considered; with no data at all the alarm goes to INSUFFICIENT_DATA (the default).</summary>
    [JsonStringEnumMemberName("missing")]
    Missing,

    /// <summary>Counted as within the threshold.</summary>
    [JsonStringEnumMemberName("notBreaching")]
    NotBreaching,

    /// <summary>Counted as breaching the threshold.</summary>
    [JsonStringEnumMemberName("breaching")]
    Breaching,

    /// <summary>Not considered; with no data at all the alarm keeps its state.</summary>
    [JsonStringEnumMemberName("ignore")]
    Ignore,
}
