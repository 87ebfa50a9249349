namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>What one object holds: its format, whether it is gzip-compressed, its columns and its number of records.</summary>
internal sealed record FileSchema(FileFormat Format, bool Gzip, HiveStruct Columns, long RecordCount);
