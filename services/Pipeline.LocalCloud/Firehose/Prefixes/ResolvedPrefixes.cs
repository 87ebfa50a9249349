namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>The prefixes a stream actually evaluates, after the defaults of the semantic rules were applied.</summary>
internal sealed record ResolvedPrefixes(PrefixTemplate Prefix, PrefixTemplate ErrorOutputPrefix);
