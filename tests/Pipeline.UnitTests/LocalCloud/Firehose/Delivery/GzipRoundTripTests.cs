using System.IO.Compression;
using System.Text;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Delivery;

/// <summary>GZIP objects decompress to exactly the records delivered, error objects included.</summary>
public sealed class GzipRoundTripTests
{
    [Fact]
    public async Task Data_and_error_objects_are_gzip_and_decompress_to_the_records()
    {
        var failing = new FakeFunctionInvoker((e, _) => FakeFunctionInvoker.Respond(e.Records.Select(r =>
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(r.Data));
            return text == "bad"
                ? new FirehoseTransformedRecord(r.RecordId, FirehoseRecordResult.ProcessingFailed, r.Data)
                : new FirehoseTransformedRecord(r.RecordId, FirehoseRecordResult.Ok, Convert.ToBase64String(Encoding.UTF8.GetBytes(text.ToUpperInvariant())));
        })));
        await using var bed = new FirehoseTestBed(failing);
        await bed.CreateAsync("s", Destination(compression: "GZIP", processing: Lambda(("BufferSizeInMBs", "0.2"))));
        var big = string.Concat(Enumerable.Range(0, 5000).Select(i => $"{{\"n\":{i}}}\n"));
        await bed.PutAsync("s", big, "bad");

        await bed.Service.FlushAsync("s");

        var data = bed.Store.Objects.Single(o => o.Key.StartsWith("raw/", StringComparison.Ordinal));
        var error = bed.Store.Objects.Single(o => o.Key.StartsWith("errors/", StringComparison.Ordinal));
        Assert.Equal([0x1f, 0x8b], data.Content.Take(2));
        Assert.Equal([0x1f, 0x8b], error.Content.Take(2));
        Assert.True(data.Content.Length < Encoding.UTF8.GetByteCount(big) / 4);
        Assert.Equal(big.ToUpperInvariant(), Gunzip(data.Content));
        Assert.Equal("bad", Transformation.ErrorLines.Raw(Assert.Single(Transformation.ErrorLines.In(bed.Store))));
    }

    private static string Gunzip(byte[] content)
    {
        using var gzip = new GZipStream(new MemoryStream(content), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
