using System.Buffers;
using System.Text.Json;
using Pipeline.Contracts.Datasets;
using Pipeline.Generator.Data;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>Records of a built-in dataset straight from a <see cref="RecordSource"/>, one byte array each.</summary>
internal static class GeneratedRecords
{
    public static DatasetDefinition Dataset(string name) => DatasetCatalog.BuiltIn().Get(name);

    public static List<byte[]> Take(string dataset, int count, int seed = 42, double rate = 100, double invalidRatio = 0) =>
        Take(new RecordSource(Dataset(dataset), new RecordSourceOptions { Seed = seed, Rate = rate, InvalidRatio = invalidRatio }), count);

    public static List<byte[]> Take(RecordSource source, int count)
    {
        var records = new List<byte[]>(count);
        var buffer = new ArrayBufferWriter<byte>();
        for (var i = 0; i < count; i++)
        {
            buffer.ResetWrittenCount();
            source.WriteNext(buffer);
            records.Add(buffer.WrittenSpan.ToArray());
        }

        return records;
    }

    public static List<JsonElement> Parse(IEnumerable<byte[]> records) =>
        records.Select(r => JsonDocument.Parse(r).RootElement.Clone()).ToList();
}
