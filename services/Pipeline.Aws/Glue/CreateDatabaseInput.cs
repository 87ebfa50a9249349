namespace Pipeline.Aws.Glue;

internal sealed record CreateDatabaseInput(DatabaseInput DatabaseInput);
