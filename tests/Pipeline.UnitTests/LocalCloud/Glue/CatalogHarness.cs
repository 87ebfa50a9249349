using Microsoft.Extensions.Time.Testing;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.UnitTests.LocalCloud.Glue;

/// <summary>A catalog over a temporary data directory, reopenable as after a restart.</summary>
internal sealed class CatalogHarness : IDisposable
{
    public CatalogHarness()
    {
        Options = new LocalCloudOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "glue-unit-" + Guid.NewGuid().ToString("N")), AccountId = "123456789012" };
        Catalog = new GlueCatalog(Options, Time);
    }

    public LocalCloudOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public IGlueCatalog Catalog { get; private set; }

    public IGlueCatalog Reopen() => Catalog = new GlueCatalog(Options, Time);

    public static TableInput EventsTable(string name = "events") => new()
    {
        Name = name,
        TableType = "EXTERNAL_TABLE",
        Parameters = new Dictionary<string, string> { ["classification"] = "json" },
        PartitionKeys = [new Column { Name = "year", Type = "string" }, new Column { Name = "month", Type = "string" }],
        StorageDescriptor = new StorageDescriptor
        {
            Columns =
            [
                new Column { Name = "id", Type = "string", Comment = "event id" },
                new Column { Name = "amount", Type = "double" },
                new Column { Name = "tags", Type = "array<string>" },
                new Column { Name = "geo", Type = "struct<lat:double,lon:double>" },
            ],
            Location = "s3://lake/events/",
            InputFormat = "org.apache.hadoop.mapred.TextInputFormat",
            OutputFormat = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
            SerdeInfo = new SerDeInfo { SerializationLibrary = "org.openx.data.jsonserde.JsonSerDe", Parameters = new Dictionary<string, string> { ["paths"] = "id,amount" } },
            Compressed = false,
        },
    };

    public static PartitionInput Partition(string year, string month) => new()
    {
        Values = [year, month],
        StorageDescriptor = new StorageDescriptor { Location = $"s3://lake/events/year={year}/month={month}/" },
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Options.DataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }
}
