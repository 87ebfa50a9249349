namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>SchemaChangePolicy.UpdateBehavior: change a table whose schema changed, or only log it.</summary>
internal enum UpdateBehavior
{
    UpdateInDatabase,
    Log,
}
