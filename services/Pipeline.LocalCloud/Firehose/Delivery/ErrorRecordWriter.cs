using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>
/// The error output line of a failed record, field for field as data-transformation.md documents it:
/// <c>{"attemptsMade","arrivalTimestamp","errorCode","errorMessage","attemptEndingTimestamp","rawData","lambdaArn"}</c>,
/// timestamps in epoch milliseconds, <c>rawData</c> the original record in base64, one object per line.
/// </summary>
internal static class ErrorRecordWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteLine(IBufferWriter<byte> output, ProcessedRecord record, string? lambdaArn)
    {
        var failure = record.Failure ?? throw new ArgumentException("The record did not fail.", nameof(record));
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("attemptsMade", failure.AttemptsMade);
            writer.WriteNumber("arrivalTimestamp", record.Source.ArrivalTime.ToUnixTimeMilliseconds());
            writer.WriteString("errorCode", failure.ErrorCode);
            writer.WriteString("errorMessage", failure.ErrorMessage);
            writer.WriteNumber("attemptEndingTimestamp", failure.AttemptEndingTimestamp.ToUnixTimeMilliseconds());
            writer.WriteBase64String("rawData", record.Source.Data);
            if (lambdaArn is not null)
            {
                writer.WriteString("lambdaArn", lambdaArn);
            }

            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }
}
