using Pipeline.LocalCloud.Firehose.Configuration;
using Pipeline.LocalCloud.Firehose.Journal;
using Pipeline.LocalCloud.Firehose.Prefixes;
using Pipeline.LocalCloud.Firehose.Transformation;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Transformation;

/// <summary>Invocations carry at most the processor's BufferSizeInMBs of records and never a request over 6 MB.</summary>
public sealed class InvocationBatchingTests
{
    [Fact]
    public void Batches_stop_at_the_processor_buffer_size()
    {
        var settings = Settings(bufferBytes: 1024 * 1024);
        var records = Records(10, 300 * 1024);

        var batches = LambdaTransformer.Batches(settings, records, maxRecords: 10_000).ToArray();

        // 300 KiB records: three fit in 1 MiB, the fourth would not.
        Assert.Equal([3, 3, 3, 1], batches.Select(b => b.Count));
        Assert.Equal(records.Select(r => r.Sequence), batches.SelectMany(b => b).Select(r => r.Record.Sequence));
    }

    [Fact]
    public void A_record_larger_than_the_buffer_is_invoked_alone()
    {
        var batches = LambdaTransformer.Batches(Settings(bufferBytes: 200 * 1024), Records(3, 1000 * 1024), maxRecords: 10_000).ToArray();

        Assert.Equal([1, 1, 1], batches.Select(b => b.Count));
    }

    [Fact]
    public void The_record_count_cap_applies_too()
    {
        var batches = LambdaTransformer.Batches(Settings(bufferBytes: 3 * 1024 * 1024), Records(25, 10), maxRecords: 10).ToArray();

        Assert.Equal([10, 10, 5], batches.Select(b => b.Count));
    }

    [Fact]
    public async Task Requests_stay_under_6_MB_with_base64_and_envelope_counted()
    {
        // 3 MiB of data (the largest processor buffer) is 4 MiB of base64; many tiny records add per-record JSON.
        var function = FakeFunctionInvoker.Transforming(text => text);
        await using var bed = new FirehoseTestBed(function);
        await bed.CreateAsync("s", Destination(sizeInMBs: 128, processing: Lambda(("BufferSizeInMBs", "3"))));
        for (var i = 0; i < 20; i++)
        {
            await bed.PutAsync("s", Enumerable.Range(0, 500).Select(_ => new string('x', 400)).ToArray());
        }

        await bed.Service.FlushAsync("s");

        Assert.True(function.Invocations.Count > 1);
        Assert.All(function.Invocations, i => Assert.True(i.PayloadBytes <= 6 * 1024 * 1024, $"{i.PayloadBytes} bytes"));
        Assert.Equal(10_000, function.Invocations.Sum(i => i.Event.Records.Count));
    }

    private static DeliveryStreamSettings Settings(long bufferBytes) => new()
    {
        Name = "s",
        Arn = "arn:aws:firehose:us-east-1:000000000000:deliverystream/s",
        Incarnation = "test",
        Bucket = Bucket,
        Prefixes = new ResolvedPrefixes(PrefixTemplate.Parse("raw/"), PrefixTemplate.Parse("errors/")),
        Lambda = new LambdaProcessorSettings(LambdaArn, 3, bufferBytes, TimeSpan.FromSeconds(60)),
    };

    private static JournalRecord[] Records(int count, int size) =>
        Enumerable.Range(1, count).Select(i => new JournalRecord(i, Start, new byte[size])).ToArray();
}
