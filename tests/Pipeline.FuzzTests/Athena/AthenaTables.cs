using System.Text;
using Pipeline.LocalCloud.Athena;
using Pipeline.LocalCloud.Athena.Engine;
using Pipeline.AwsShapes.Glue;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.FuzzTests.Athena;

/// <summary>
/// LocalCloud's Athena engine over a Glue catalog and an object store in a temporary folder, with two small JSON
/// tables: <c>fuzz.events</c> (one folder) and <c>fuzz.parts</c> (partitioned by <c>month</c>, three partitions),
/// whose rows have NULLs, missing fields, nested structs and arrays.
/// </summary>
public sealed class AthenaTables : IAsyncLifetime
{
    public const string Database = "fuzz";

    private const string Bucket = "lake";

    private static readonly string[] Rows =
    [
        """{"vin":"V1","speed":12.5,"n":1,"ok":true,"tags":["a","b"],"status":{"code":1,"label":"x"}}""",
        """{"vin":"V2","speed":null,"n":-3,"ok":false,"tags":[],"status":{"code":null,"label":"y"}}""",
        """{"vin":null,"speed":0,"n":0,"tags":null}""",
        """{"vin":"V'3","speed":130,"n":2147483647,"ok":null,"status":null}""",
        """{"vin":"","speed":-0.5,"n":7,"ok":true,"tags":["c"],"status":{"code":7,"label":""}}""",
    ];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "fuzz-athena-" + Guid.NewGuid().ToString("N"));

    private FileObjectStore? _store;

    private QueryEngine _engine = null!;

    public async Task InitializeAsync()
    {
        var options = new LocalCloudOptions { DataDirectory = _root };
        var catalog = new GlueCatalog(options, TimeProvider.System);
        _store = new FileObjectStore(Path.Combine(_root, "s3"), TimeProvider.System);
        _engine = new QueryEngine(catalog, _store, new AthenaOptions());

        await _store.CreateBucketAsync(Bucket);
        await catalog.CreateDatabaseAsync(new DatabaseInput { Name = Database });
        await PutAsync("events/part-0.json", Rows);
        await CreateTableAsync(catalog, "events", "events", []);

        string[] months = ["01", "02", "03"];
        for (var m = 0; m < months.Length; m++)
        {
            await PutAsync($"parts/month={months[m]}/part-0.json", Rows.Skip(m).ToArray());
        }

        await CreateTableAsync(catalog, "parts", "parts", [new Column { Name = "month", Type = "string" }]);
        var errors = await catalog.BatchCreatePartitionAsync(Database, "parts", months.Select(month => new PartitionInput
        {
            Values = [month],
            StorageDescriptor = new StorageDescriptor { Location = $"s3://{Bucket}/parts/month={month}/" },
        }).ToList());
        Assert.Empty(errors);
    }

    public Task DisposeAsync()
    {
        _store?.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean up.
        }

        return Task.CompletedTask;
    }

    internal Task<QueryOutcome> RunAsync(string sql, CancellationToken cancellationToken) =>
        _engine.RunAsync(new QueryRequest(sql, Database, null, null), cancellationToken);

    private async Task PutAsync(string key, string[] rows)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', rows) + "\n"));
        await _store!.PutObjectAsync(Bucket, key, content, new ObjectWriteOptions());
    }

    private static Task CreateTableAsync(IGlueCatalog catalog, string name, string folder, List<Column> partitionKeys) =>
        catalog.CreateTableAsync(Database, new TableInput
        {
            Name = name,
            TableType = "EXTERNAL_TABLE",
            PartitionKeys = partitionKeys,
            StorageDescriptor = new StorageDescriptor
            {
                Columns =
                [
                    new Column { Name = "vin", Type = "string" },
                    new Column { Name = "speed", Type = "double" },
                    new Column { Name = "n", Type = "int" },
                    new Column { Name = "ok", Type = "boolean" },
                    new Column { Name = "tags", Type = "array<string>" },
                    new Column { Name = "status", Type = "struct<code:int,label:string>" },
                ],
                Location = $"s3://{Bucket}/{folder}/",
                InputFormat = "org.apache.hadoop.mapred.TextInputFormat",
                SerdeInfo = new SerDeInfo { SerializationLibrary = "org.openx.data.jsonserde.JsonSerDe" },
            },
        });
}
