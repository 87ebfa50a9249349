namespace Pipeline.Aws.Lambda;

/// <summary>UpdateFunctionCode's body for a zip package (base64 on the wire).</summary>
internal sealed record UpdateFunctionCodeRequest(byte[] ZipFile, IReadOnlyList<string>? Architectures);
