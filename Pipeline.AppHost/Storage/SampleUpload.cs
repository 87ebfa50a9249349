using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.AppHost.Storage;

/// <summary>
/// A sample file as any producer other than Firehose might drop it under a dataset's raw prefix: NDJSON records
/// (the committed samples with a fresh <c>event_id</c> and <c>event_time</c> each) under a key with spaces, a plus,
/// an equals sign and non-ASCII letters, which S3 notifications must URL-encode and the crawler trigger decode.
/// </summary>
public static class SampleUpload
{
    public static string SampleFile(string dataset) => Path.Combine(AppContext.BaseDirectory, "Samples", dataset + ".ndjson");

    /// <summary>The key: the dataset's hive partition for <paramref name="now"/>, and an awkward file name.</summary>
    public static string KeyFor(string rawPrefixStart, DateTimeOffset now) => string.Create(
        CultureInfo.InvariantCulture,
        $"{rawPrefixStart}year={now:yyyy}/month={now:MM}/day={now:dd}/hour={now:HH}/sample upload ä+ü=1 ({now:HHmmss}).json");

    /// <summary>The sample's records, each with a new id and <paramref name="now"/> as its event time.</summary>
    public static byte[] Records(string dataset, DateTimeOffset now)
    {
        var text = new StringBuilder();
        foreach (var line in File.ReadLines(SampleFile(dataset)).Where(l => l.Length > 0))
        {
            var record = JsonNode.Parse(line)!.AsObject();
            record["event_id"] = Guid.NewGuid().ToString();
            record["event_time"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            text.Append(record.ToJsonString()).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
