using System.Text.Json.Serialization;

namespace Pipeline.LocalCloud.S3.Multipart;

/// <summary>An upload's state is kept beside its parts as JSON, so uploads survive a restart as they do in S3.</summary>
[JsonSerializable(typeof(MultipartUpload))]
internal sealed partial class MultipartJsonContext : JsonSerializerContext;
