namespace Pipeline.LocalCloud.Glue.Jobs.Etl;

/// <summary>A parsed Glue/Hive type string: <see cref="GluePrimitiveType"/>, <see cref="GlueArrayType"/>, <see cref="GlueMapType"/> or <see cref="GlueStructType"/>.</summary>
internal abstract record GlueType;
