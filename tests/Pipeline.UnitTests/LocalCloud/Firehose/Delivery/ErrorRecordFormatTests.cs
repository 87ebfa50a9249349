using System.Text;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Delivery;

/// <summary>Error records are one JSON object per line with data-transformation.md's field names, in its order.</summary>
public sealed class ErrorRecordFormatTests
{
    [Fact]
    public async Task A_processing_failed_record_is_written_field_for_field()
    {
        var function = new FakeFunctionInvoker((_, _) => FakeFunctionInvoker.Error("Error", "boom"));
        await using var bed = new FirehoseTestBed(function);
        await bed.CreateAsync("s", Destination(processing: Lambda(("NumberOfRetries", "1"))));
        await bed.PutAsync("s", "{\"a\":1}\n");
        bed.Time.Advance(TimeSpan.FromSeconds(5));

        await bed.Service.FlushAsync("s");

        var text = ObjectText.Of(Assert.Single(bed.Store.Objects));
        var arrival = Start.ToUnixTimeMilliseconds();
        var ending = Start.AddSeconds(5).ToUnixTimeMilliseconds();
        var raw = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"a\":1}\n"));
        Assert.Equal(
            $"{{\"attemptsMade\":2,\"arrivalTimestamp\":{arrival},\"errorCode\":\"Lambda.FunctionError\",\"errorMessage\":\"The Lambda function was successfully invoked but it returned an error result. Error: boom\",\"attemptEndingTimestamp\":{ending},\"rawData\":\"{raw}\",\"lambdaArn\":\"{LambdaArn}\"}}\n",
            text);
    }

    [Fact]
    public async Task Several_failed_records_are_one_line_each_in_arrival_order_in_one_object()
    {
        var function = new FakeFunctionInvoker((_, _) => FakeFunctionInvoker.Raw("garbage"));
        await using var bed = new FirehoseTestBed(function);
        await bed.CreateAsync("s", Destination(processing: Lambda()));
        await bed.PutAsync("s", "one", "two");
        await bed.PutAsync("s", "three");

        await bed.Service.FlushAsync("s");

        var error = Assert.Single(bed.Store.Objects);
        Assert.StartsWith("errors/processing-failed/2018/08/27/10/", error.Key, StringComparison.Ordinal);
        var lines = ObjectText.Of(error).Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(string.Empty, lines[3]);
        Assert.Equal(["one", "two", "three"], Transformation.ErrorLines.In(bed.Store).Select(Transformation.ErrorLines.Raw));
    }
}
