namespace Pipeline.LocalCloud.Glue.Jobs.Etl;

internal sealed record GlueStructField(string Name, GlueType Type);
