using System.Text;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>
/// Values the byte-level reader must treat exactly as their text: escapes, Unicode white space, upper-case enums,
/// numbers not in their shortest form, fields out of schema order, and escapes that are no text at all.
/// </summary>
public sealed class TransformerNormalisesEscapedAndUnusualTextTests
{
    private readonly FirehoseRecordTransformer _transformer = new(DatasetCatalog.BuiltIn());

    private static string Valid => Encoding.UTF8.GetString(FirehoseEvents.Fixture("vehicle_telemetry-valid.json"));

    [Fact]
    public void Escaped_and_padded_strings_are_read_as_their_text()
    {
        var record = Valid.Replace("\"  Volvo \"", "\"\\u00a0Vol\\u0076o\\u2003 \"").Replace("\"WARN\"", "\"wArN\"");

        var answer = Assert.Single(_transformer.Transform(FirehoseEvents.For(FirehoseEvents.VehicleStream, Encoding.UTF8.GetBytes(record))).Response.Records);

        Assert.Equal(FirehoseRecordResult.Ok, answer.Result);
        var json = FirehoseEvents.DecodeJson(answer);
        Assert.Equal("Volvo", (string?)json["vendor"]);
        Assert.Equal("warn", (string?)json["vehicle_status"]!["status"]);
    }

    [Fact]
    public void Numbers_not_in_shortest_form_are_written_in_it()
    {
        var record = Valid.Replace("\"speed_kmh\": 82.5", "\"speed_kmh\": 8.250e1");

        var answer = Assert.Single(_transformer.Transform(FirehoseEvents.For(FirehoseEvents.VehicleStream, Encoding.UTF8.GetBytes(record))).Response.Records);

        Assert.Equal(FirehoseRecordResult.Ok, answer.Result);
        Assert.Contains("\"speed_kmh\":82.5,", Encoding.UTF8.GetString(Convert.FromBase64String(answer.Data)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_field_after_others_is_reported_once_per_repeat()
    {
        var record = Valid.TrimEnd().TrimEnd('}') + ",\"vendor\":\"Scania\",\"vendor\":\"MAN\"}";

        var outcome = _transformer.Transform(FirehoseEvents.For(FirehoseEvents.VehicleStream, Encoding.UTF8.GetBytes(record)));

        Assert.Equal(FirehoseRecordResult.ProcessingFailed, Assert.Single(outcome.Response.Records).Result);
        Assert.Equal("field 'vendor' appears more than once; field 'vendor' appears more than once", Assert.Single(outcome.Failures).Reason);
    }

    [Fact]
    public void An_escaped_lone_surrogate_fails_its_record_not_the_invocation()
    {
        var bad = Encoding.UTF8.GetBytes(Valid.Replace("\"FH16\"", "\"FH\\ud800\""));
        var good = FirehoseEvents.Fixture("vehicle_telemetry-valid.json");

        var outcome = _transformer.Transform(FirehoseEvents.For(FirehoseEvents.VehicleStream, bad, good));

        Assert.Equal([FirehoseRecordResult.ProcessingFailed, FirehoseRecordResult.Ok], outcome.Response.Records.Select(r => r.Result));
        Assert.Contains("not valid JSON", Assert.Single(outcome.Failures).Reason, StringComparison.Ordinal);
    }
}
