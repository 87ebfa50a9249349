namespace Pipeline.Aws.Firehose;

/// <summary>One processor parameter, e.g. <c>LambdaArn</c>, <c>BufferSizeInMBs</c>, <c>MetadataExtractionQuery</c>.</summary>
public sealed record ProcessorParameter(string ParameterName, string ParameterValue);
