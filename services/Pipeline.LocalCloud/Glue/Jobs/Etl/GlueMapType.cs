namespace Pipeline.LocalCloud.Glue.Jobs.Etl;

internal sealed record GlueMapType(GlueType Key, GlueType Value) : GlueType;
