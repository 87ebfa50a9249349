namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>A piece of a parsed prefix: literal text or one <c>!{namespace:value}</c> expression.</summary>
internal abstract record PrefixSegment;

internal sealed record LiteralSegment(string Text) : PrefixSegment;

/// <summary><c>!{partitionKeyFromQuery:key}</c> or <c>!{partitionKeyFromLambda:key}</c>.</summary>
internal sealed record PartitionKeySegment(PartitionKeySource Source, string Key) : PrefixSegment;

/// <summary><c>!{firehose:random-string}</c>; <see cref="Index"/> numbers the uses in one prefix, each a new string.</summary>
internal sealed record RandomStringSegment(int Index) : PrefixSegment;

/// <summary><c>!{timestamp:pattern}</c>.</summary>
internal sealed record TimestampSegment(JavaTimestampPattern Pattern) : PrefixSegment;

/// <summary><c>!{firehose:error-output-type}</c>.</summary>
internal sealed record ErrorOutputTypeSegment : PrefixSegment;
