using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pipeline.Contracts.Aws.Firehose;

namespace Pipeline.FirehoseTransformer.Transformation;

/// <summary>
/// The exact size of a transformation response as <c>AwsEventsJson.Context</c> writes it, computed without writing it,
/// so the transformer can stay under Lambda's limit record by record.
/// </summary>
public static class ResponseSize
{
    /// <summary><c>{"records":[</c> and <c>]}</c>.</summary>
    public const int Envelope = 14;

    private const int OkLength = 2;
    private const int FailedLength = 16;

    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=");

    public static int Of(FirehoseTransformedRecord record)
    {
        // {"recordId":…,"result":…,"data":"…"} and optionally ,"metadata":{"partitionKeys":{…}}
        var size = 2 + 11 + Quoted(record.RecordId) + 1 + 9 + Quoted(record.Result.ToString()) + 1 + 7 + DataSize(record.Data);
        if (record.Metadata is { } metadata)
        {
            size += 1 + 11 + 1 + 16 + 2 + 1;
            var first = true;
            foreach (var (key, value) in metadata.PartitionKeys)
            {
                size += (first ? 0 : 1) + Quoted(key) + 1 + Quoted(value);
                first = false;
            }
        }

        return size;
    }

    /// <summary>
    /// The size of an answer whose record id is printable ASCII without <c>"</c> or <c>\\</c> and whose data is plain
    /// base64 (both written as they are); <paramref name="metadataBytes"/> counts <c>,"metadata":{…}</c> whole.
    /// </summary>
    public static int Of(int plainRecordIdLength, bool ok, int base64Length, int metadataBytes) =>
        2 + 11 + plainRecordIdLength + 2 + 1 + 9 + (ok ? OkLength : FailedLength) + 2 + 1 + 7 + base64Length + 2 + metadataBytes;

    /// <summary><see cref="MinimalFailure(string)"/> for a record id of printable ASCII.</summary>
    public static int MinimalFailure(int plainRecordIdLength) => Of(plainRecordIdLength, ok: false, 0, 0);

    /// <summary>The smallest answer a record can have: ProcessingFailed with no data.</summary>
    public static int MinimalFailure(string recordId) =>
        Of(new FirehoseTransformedRecord(recordId, FirehoseRecordResult.ProcessingFailed, ""));

    // Base64 needs no escaping, but a failed record echoes the data Firehose sent, which base64 decoding accepted
    // with whitespace in it (a '\n' is written as two characters).
    private static int DataSize(string data) => data.AsSpan().ContainsAnyExcept(Base64Chars) ? Quoted(data) : data.Length + 2;

    private static int Quoted(string text)
    {
        // Printable ASCII other than '"' and '\\' is written as it is: no encoding needed to count it.
        foreach (var c in text)
        {
            if (c is < ' ' or > '~' or '"' or '\\')
            {
                return JsonEncodedText.Encode(text, Encoder).EncodedUtf8Bytes.Length + 2;
            }
        }

        return text.Length + 2;
    }
}
