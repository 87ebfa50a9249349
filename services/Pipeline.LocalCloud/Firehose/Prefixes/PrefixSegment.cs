namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>A piece of a parsed prefix: literal text or one <c>!{namespace:value}</c> expression.</summary>
internal abstract record PrefixSegment;
