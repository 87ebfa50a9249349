namespace Pipeline.LocalCloud.Glue.Jobs.Etl;

internal sealed record GlueArrayType(GlueType Element) : GlueType;
