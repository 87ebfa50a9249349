namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary><c>!{timestamp:pattern}</c>.</summary>
internal sealed record TimestampSegment(JavaTimestampPattern Pattern) : PrefixSegment;
