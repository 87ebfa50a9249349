using System.Globalization;
using Pipeline.AwsShapes.Glue;

namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>The table and partition definitions a crawler writes: Glue's formats, SerDes and crawler parameters.</summary>
internal static class TableDefinitions
{
    public const string UpdatedByCrawler = "UPDATED_BY_CRAWLER";

    public const string DeprecatedByCrawler = "DEPRECATED_BY_CRAWLER";

    public const string JsonSerDe = "org.openx.data.jsonserde.JsonSerDe";

    public const string TextInputFormat = "org.apache.hadoop.mapred.TextInputFormat";

    public const string TextOutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat";

    public const string ParquetSerDe = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

    public const string ParquetInputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";

    public const string ParquetOutputFormat = "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";

    /// <param name="crawlerName">Written as <c>UPDATED_BY_CRAWLER</c>.</param>
    /// <param name="name">The table's name.</param>
    /// <param name="location">The target, <c>s3://bucket/prefix/</c>.</param>
    /// <param name="format">Every object's format.</param>
    /// <param name="gzip">Whether the objects are gzip-compressed.</param>
    /// <param name="columns">The data columns, without the partition keys.</param>
    /// <param name="partitionKeys">The partition keys in folder order.</param>
    /// <param name="stats">Objects, bytes and records read, for the size parameters.</param>
    public static TableInput Table(string crawlerName, string name, string location, FileFormat format, bool gzip, IReadOnlyList<HiveField> columns, IReadOnlyList<string> partitionKeys, DataStats stats)
    {
        var parameters = new Dictionary<string, string>
        {
            ["classification"] = format == FileFormat.Parquet ? "parquet" : "json",
            ["compressionType"] = gzip ? "gzip" : "none",
            ["typeOfData"] = "file",
            [UpdatedByCrawler] = crawlerName,
            ["CrawlerSchemaDeserializerVersion"] = "1.0",
            ["CrawlerSchemaSerializerVersion"] = "1.0",
            ["objectCount"] = stats.Objects.ToString(CultureInfo.InvariantCulture),
            ["sizeKey"] = stats.Bytes.ToString(CultureInfo.InvariantCulture),
            ["recordCount"] = stats.Records.ToString(CultureInfo.InvariantCulture),
            ["averageRecordSize"] = (stats.Records > 0 ? stats.Bytes / stats.Records : 0).ToString(CultureInfo.InvariantCulture),
        };
        var json = format == FileFormat.Json;
        return new TableInput
        {
            Name = name,
            Owner = "owner",
            TableType = "EXTERNAL_TABLE",
            Retention = 0,
            Parameters = parameters,
            PartitionKeys = partitionKeys.Select(k => new Column { Name = k, Type = "string" }).ToList(),
            StorageDescriptor = new StorageDescriptor
            {
                Columns = columns.Select(c => new Column { Name = c.Name, Type = c.Type.ToString() }).ToList(),
                Location = location,
                InputFormat = json ? TextInputFormat : ParquetInputFormat,
                OutputFormat = json ? TextOutputFormat : ParquetOutputFormat,
                Compressed = gzip,
                NumberOfBuckets = -1,
                SerdeInfo = json
                    ? new SerDeInfo { SerializationLibrary = JsonSerDe, Parameters = new Dictionary<string, string> { ["paths"] = string.Join(',', columns.Select(c => c.Name).Order(StringComparer.Ordinal)) } }
                    : new SerDeInfo { SerializationLibrary = ParquetSerDe, Parameters = new Dictionary<string, string> { ["serialization.format"] = "1" } },
                BucketColumns = [],
                Parameters = new Dictionary<string, string>(parameters),
                StoredAsSubDirectories = false,
            },
        };
    }

    /// <summary>A partition: the table's storage descriptor at the partition's own location.</summary>
    public static PartitionInput Partition(StorageDescriptor? table, IReadOnlyList<string> values, string location) => new()
    {
        Values = [.. values],
        StorageDescriptor = (table ?? new StorageDescriptor()) with { Location = location },
        Parameters = new Dictionary<string, string>(),
    };
}
