using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.Firehose.Transformation;

/// <summary>The event Firehose sends a data-transformation Lambda, in AWS's wire shape (camelCase).</summary>
internal sealed record TransformationEvent(string InvocationId, string DeliveryStreamArn, string Region, IReadOnlyList<TransformationEventRecord> Records);

/// <summary>One record of a transformation event; <see cref="Data"/> is base64.</summary>
internal sealed record TransformationEventRecord(string RecordId, long ApproximateArrivalTimestamp, string Data);

/// <summary>
/// Relaxed escaping: the default encoder writes the '+' of base64 as <c>\u002B</c>, which would make an invocation
/// larger than the batching counted against Lambda's 6 MB limit.
/// </summary>
[JsonSerializable(typeof(TransformationEvent))]
internal sealed partial class TransformationJsonContext : JsonSerializerContext
{
    public static TransformationJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
