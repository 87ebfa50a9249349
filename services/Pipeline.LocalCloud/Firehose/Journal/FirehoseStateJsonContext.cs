using System.Text.Json.Serialization;
using Pipeline.LocalCloud.Firehose.Configuration;

namespace Pipeline.LocalCloud.Firehose.Journal;

/// <summary>The files Firehose keeps under <c>&lt;data dir&gt;/firehose/&lt;stream&gt;/</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StoredDeliveryStream))]
[JsonSerializable(typeof(DeliveryCheckpoint))]
[JsonSerializable(typeof(StoredPlan))]
internal sealed partial class FirehoseStateJsonContext : JsonSerializerContext;
