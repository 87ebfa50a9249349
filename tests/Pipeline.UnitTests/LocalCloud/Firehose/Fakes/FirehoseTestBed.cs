using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.AwsShapes.Firehose;
using Pipeline.LocalCloud.Firehose;
using Pipeline.LocalCloud.Firehose.Api;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Lambda;

using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Fakes;

/// <summary>
/// A Firehose service over a temporary data directory, the fakes and a manual clock. <see cref="RestartAsync"/>
/// drops the service without a word to it (as a crash would) and opens a new one over the same directory.
/// </summary>
internal sealed class FirehoseTestBed : IAsyncDisposable
{
    public const string Bucket = "bucket";
    public const string BucketArn = "arn:aws:s3:::bucket";
    public const string RoleArn = "arn:aws:iam::000000000000:role/firehose";
    public const string LambdaArn = "arn:aws:lambda:us-east-1:000000000000:function:transformer";

    /// <summary>10:30 UTC on Aug 27, 2018: the instant of the examples table.</summary>
    public static readonly DateTimeOffset Start = new(2018, 8, 27, 10, 30, 0, TimeSpan.Zero);

    private readonly FirehoseEngineOptions _options;
    private readonly List<FirehoseService> _services = [];

    public FirehoseTestBed(IFunctionInvoker? functions = null, FirehoseEngineOptions? options = null)
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "firehose-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataDirectory);
        Functions = functions ?? FakeFunctionInvoker.Transforming(text => text);
        _options = options ?? new FirehoseEngineOptions { LambdaRetryDelay = TimeSpan.Zero, DeliveryRetryDelay = TimeSpan.FromSeconds(1) };
        Store.CreateBucketAsync(Bucket).GetAwaiter().GetResult();
        Service = NewService();
    }

    public string DataDirectory { get; }

    public FakeObjectStore Store { get; } = new();

    public IFunctionInvoker Functions { get; set; }

    public PendingTimersTimeProvider Time { get; } = new(Start);

    public FirehoseService Service { get; private set; }

    public static ExtendedS3DestinationConfiguration Destination(
        string? prefix = "raw/!{timestamp:yyyy/MM/dd/HH}/",
        string? errorPrefix = "errors/!{firehose:error-output-type}/!{timestamp:yyyy/MM/dd/HH}/",
        int? sizeInMBs = 1,
        int? intervalInSeconds = 60,
        string? compression = null,
        ProcessingConfiguration? processing = null,
        DynamicPartitioningConfiguration? dynamicPartitioning = null,
        string? fileExtension = null,
        string? customTimeZone = null) => new()
        {
            RoleARN = RoleArn,
            BucketARN = BucketArn,
            Prefix = prefix,
            ErrorOutputPrefix = errorPrefix,
            BufferingHints = sizeInMBs is null && intervalInSeconds is null ? null : new BufferingHints { SizeInMBs = sizeInMBs, IntervalInSeconds = intervalInSeconds },
            CompressionFormat = compression,
            ProcessingConfiguration = processing,
            DynamicPartitioningConfiguration = dynamicPartitioning,
            FileExtension = fileExtension,
            CustomTimeZone = customTimeZone,
        };

    public static ProcessingConfiguration Lambda(params (string Name, string Value)[] parameters) => new()
    {
        Enabled = true,
        Processors =
        [
            new Processor
            {
                Type = "Lambda",
                Parameters = [new ProcessorParameter { ParameterName = "LambdaArn", ParameterValue = LambdaArn }, .. parameters.Select(p => new ProcessorParameter { ParameterName = p.Name, ParameterValue = p.Value })],
            },
        ],
    };

    public Task<string> CreateAsync(string name, ExtendedS3DestinationConfiguration destination) =>
        Service.CreateAsync(new CreateDeliveryStreamInput { DeliveryStreamName = name, ExtendedS3DestinationConfiguration = destination }, CancellationToken.None);

    public Task<IReadOnlyList<string>> PutAsync(string stream, params string[] records) =>
        Service.PutAsync(stream, records.Select(r => System.Text.Encoding.UTF8.GetBytes(r)).ToArray(), CancellationToken.None);

    /// <summary>Abandons the running service as a crash would (no stop, no flush) and opens the data directory again.</summary>
    public Task RestartAsync()
    {
        Service = NewService();
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in _services)
        {
            await service.DisposeAsync();
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A loop that is still winding down may hold a file; the temp folder is cleaned by the OS.
        }
    }

    private FirehoseService NewService()
    {
        var service = new FirehoseService(
            new LocalCloudOptions { DataDirectory = DataDirectory },
            () => Store,
            () => Functions,
            Time,
            _options,
            NullLoggerFactory.Instance);
        _services.Add(service);
        return service;
    }
}
