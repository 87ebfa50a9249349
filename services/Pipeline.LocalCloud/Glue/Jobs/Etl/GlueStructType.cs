namespace Pipeline.LocalCloud.Glue.Jobs.Etl;

internal sealed record GlueStructType(IReadOnlyList<GlueStructField> Fields) : GlueType;
