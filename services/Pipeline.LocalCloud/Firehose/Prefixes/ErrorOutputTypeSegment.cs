namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary><c>!{firehose:error-output-type}</c>.</summary>
internal sealed record ErrorOutputTypeSegment : PrefixSegment;
