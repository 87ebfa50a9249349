namespace Pipeline.Aws.Lambda;

/// <summary>A function's package: the zip itself (base64 on the wire).</summary>
public sealed record FunctionCode(byte[] ZipFile);
