namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary><c>!{firehose:random-string}</c>; <see cref="Index"/> numbers the uses in one prefix, each a new string.</summary>
internal sealed record RandomStringSegment(int Index) : PrefixSegment;
