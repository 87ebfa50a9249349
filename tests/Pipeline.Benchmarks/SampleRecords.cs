using System.Buffers;
using Pipeline.Contracts.Datasets;
using Pipeline.Generator.Data;

namespace Pipeline.Benchmarks;

/// <summary>Realistic records for the benchmarks, from the generator with a fixed seed.</summary>
internal static class SampleRecords
{
    public static byte[][] For(string dataset, int count)
    {
        var source = new RecordSource(DatasetCatalog.BuiltIn().Get(dataset), new RecordSourceOptions { Seed = 42, Rate = 1000 });
        var records = new byte[count][];
        var buffer = new ArrayBufferWriter<byte>(4096);
        for (var i = 0; i < count; i++)
        {
            buffer.ResetWrittenCount();
            source.WriteNext(buffer);
            records[i] = buffer.WrittenSpan.TrimEnd((byte)'\n').ToArray();
        }

        return records;
    }
}
