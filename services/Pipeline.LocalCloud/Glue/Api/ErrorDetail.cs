namespace Pipeline.LocalCloud.Glue.Api;

/// <summary>Why one entry of a batch failed.</summary>
internal sealed record ErrorDetail(string ErrorCode, string ErrorMessage);
