namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>SchemaChangePolicy.DeleteBehavior: what happens to tables and partitions whose data vanished.</summary>
internal enum DeleteBehavior
{
    Log,
    DeprecateInDatabase,
    DeleteFromDatabase,
}
