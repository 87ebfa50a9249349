namespace Pipeline.LocalCloud.Firehose.Prefixes;

internal sealed record LiteralSegment(string Text) : PrefixSegment;
