using System.Globalization;
using System.Text;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.Contracts.Datasets;
using Pipeline.FirehoseTransformer.Transformation;

namespace Pipeline.UnitTests.FirehoseTransformer;

/// <summary>
/// A plain decimal is range-checked at the value the general parser gives it (the normaliser reads the common shape
/// itself): on both sides of a bound, in the reason's text, and copied to the output unchanged.
/// </summary>
public sealed class TransformerRangeChecksReadNumbersExactlyTests
{
    private readonly FirehoseRecordTransformer _transformer = new(DatasetCatalog.BuiltIn());

    private static string Valid => Encoding.UTF8.GetString(FirehoseEvents.Fixture("vehicle_telemetry-valid.json"));

    [Fact]
    public void Latitudes_around_the_bounds_pass_or_fail_at_their_parsed_value()
    {
        var random = new Random(90);
        var numbers = new List<string> { "90", "-90", "90.000000000001", "-90.00000000001", "89.99999999999", "0.0001", "-0.001", "0.000123456789012345", "90.1", "-91" };
        for (var i = 0; i < 400; i++)
        {
            // 1 to 15 significant digits around ±90, some with leading zeros after the point.
            var integer = random.Next(0, 200);
            var decimals = random.Next(0, 15 - integer.ToString(CultureInfo.InvariantCulture).Length + 1);
            var fraction = decimals == 0 ? "" : "." + string.Concat(Enumerable.Range(0, decimals).Select(d => d == decimals - 1 ? (char)('1' + random.Next(9)) : (char)('0' + random.Next(10))));
            numbers.Add((random.Next(2) == 0 ? "-" : "") + integer.ToString(CultureInfo.InvariantCulture) + fraction);
        }

        var records = numbers.Select(n => Encoding.UTF8.GetBytes(Valid.Replace("\"latitude\": 57.7089", $"\"latitude\": {n}", StringComparison.Ordinal))).ToArray();
        var outcome = _transformer.Transform(FirehoseEvents.For(FirehoseEvents.VehicleStream, records));

        for (var i = 0; i < numbers.Count; i++)
        {
            var value = double.Parse(numbers[i], CultureInfo.InvariantCulture);
            var answer = outcome.Response.Records[i];
            var failure = outcome.Failures.SingleOrDefault(f => f.RecordId == answer.RecordId);
            if (value is >= -90 and <= 90)
            {
                Assert.True(answer.Result == FirehoseRecordResult.Ok, $"{numbers[i]}: {failure?.Reason}");
                Assert.Contains($"\"latitude\":{numbers[i]},", Encoding.UTF8.GetString(Convert.FromBase64String(answer.Data)), StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(FirehoseRecordResult.ProcessingFailed, answer.Result);
                var side = value < -90 ? "below the minimum -90" : "above the maximum 90";
                Assert.Equal($"field 'gps_info.latitude' is {value.ToString(CultureInfo.InvariantCulture)}, {side}", failure!.Reason);
            }
        }
    }
}
