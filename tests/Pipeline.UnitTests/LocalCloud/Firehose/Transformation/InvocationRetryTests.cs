using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Transformation;

/// <summary>A failed invocation is retried NumberOfRetries times; then every record of the batch is a processing failure.</summary>
public sealed class InvocationRetryTests : IAsyncLifetime
{
    private FirehoseTestBed _bed = null!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_function_error_is_retried_three_times_by_default_then_fails_the_batch()
    {
        var function = new FakeFunctionInvoker((_, _) => FakeFunctionInvoker.Error("Runtime.ExitError", "boom"));
        await Run(function, processing: Lambda(), "one", "two");

        Assert.Equal(4, function.Invocations.Count);
        var lines = ErrorLines.In(_bed.Store);
        Assert.Equal(["one", "two"], lines.Select(ErrorLines.Raw));
        Assert.All(lines, line =>
        {
            Assert.Equal("Lambda.FunctionError", ErrorLines.Code(line));
            Assert.Equal("The Lambda function was successfully invoked but it returned an error result. Runtime.ExitError: boom", line.GetProperty("errorMessage").GetString());
            Assert.Equal(4, line.GetProperty("attemptsMade").GetInt32());
            Assert.Equal(LambdaArn, line.GetProperty("lambdaArn").GetString());
        });
    }

    [Fact]
    public async Task NumberOfRetries_sets_the_attempts()
    {
        var function = new FakeFunctionInvoker((_, _) => FakeFunctionInvoker.Error("Error", "no"));
        await Run(function, processing: Lambda(("NumberOfRetries", "0")), "one");

        Assert.Single(function.Invocations);
        Assert.Equal(1, Assert.Single(ErrorLines.In(_bed.Store)).GetProperty("attemptsMade").GetInt32());
    }

    [Fact]
    public async Task A_retry_that_succeeds_delivers_and_counts_its_attempts()
    {
        var function = new FakeFunctionInvoker((e, call) => call < 3
            ? FakeFunctionInvoker.Error("Error", "not yet")
            : FakeFunctionInvoker.Respond(e.Records.Select(r => new Pipeline.Contracts.Aws.Firehose.FirehoseTransformedRecord(r.RecordId, Pipeline.Contracts.Aws.Firehose.FirehoseRecordResult.ProcessingFailed, r.Data))));
        await Run(function, processing: Lambda(), "one");

        Assert.Equal(3, function.Invocations.Count);
        var line = Assert.Single(ErrorLines.In(_bed.Store));
        Assert.Equal(("Lambda.ProcessingFailedStatus", 3), (ErrorLines.Code(line), line.GetProperty("attemptsMade").GetInt32()));
    }

    [Fact]
    public async Task Each_attempt_is_a_new_invocation_of_the_same_records()
    {
        var function = new FakeFunctionInvoker((_, _) => FakeFunctionInvoker.Error("Error", "no"));
        await Run(function, processing: Lambda(("NumberOfRetries", "2")), "one");

        var invocations = function.Invocations.Select(i => i.Event).ToArray();
        Assert.Equal(3, invocations.Select(i => i.InvocationId).Distinct().Count());
        Assert.Single(invocations.Select(i => i.Records.Single().RecordId).Distinct());
    }

    [Fact]
    public async Task A_missing_function_is_Lambda_ResourceNotFound()
    {
        var function = new FakeFunctionInvoker((_, _) => throw new AwsServiceException("ResourceNotFoundException", "Function not found: transformer", 404));
        await Run(function, processing: Lambda(("NumberOfRetries", "1")), "one");

        var line = Assert.Single(ErrorLines.In(_bed.Store));
        Assert.Equal("Lambda.ResourceNotFound", ErrorLines.Code(line));
        Assert.Contains("Function not found: transformer", line.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, line.GetProperty("attemptsMade").GetInt32());
    }

    [Fact]
    public async Task An_invoker_that_throws_is_Lambda_InvokeFailed()
    {
        var function = new FakeFunctionInvoker((_, _) => throw new HttpRequestException("connection refused"));
        await Run(function, processing: Lambda(("NumberOfRetries", "0")), "one");

        Assert.Equal("Lambda.InvokeFailed", ErrorLines.Code(Assert.Single(ErrorLines.In(_bed.Store))));
    }

    [Fact]
    public async Task Retries_wait_longer_each_time()
    {
        var function = new FakeFunctionInvoker((_, _) => FakeFunctionInvoker.Error("Error", "no"));
        _bed = new FirehoseTestBed(function, new Pipeline.LocalCloud.Firehose.FirehoseEngineOptions { LambdaRetryDelay = TimeSpan.FromSeconds(1) });
        await _bed.CreateAsync("s", Destination(processing: Lambda(("NumberOfRetries", "2"))));
        await _bed.PutAsync("s", "one");

        var flush = _bed.Service.FlushAsync("s");
        await Until(() => function.Invocations.Count == 1 && _bed.Time.PendingTimers == 1);
        _bed.Time.Advance(TimeSpan.FromMilliseconds(999));
        await Task.Delay(50);
        Assert.Single(function.Invocations);
        _bed.Time.Advance(TimeSpan.FromMilliseconds(1));
        await Until(() => function.Invocations.Count == 2 && _bed.Time.PendingTimers == 1);
        _bed.Time.Advance(TimeSpan.FromMilliseconds(1999));
        await Task.Delay(50);
        Assert.Equal(2, function.Invocations.Count);
        _bed.Time.Advance(TimeSpan.FromMilliseconds(1));

        await flush;
        Assert.Equal(3, function.Invocations.Count);
    }

    private async Task Run(FakeFunctionInvoker function, Pipeline.AwsShapes.Firehose.ProcessingConfiguration processing, params string[] records)
    {
        _bed = new FirehoseTestBed(function);
        await _bed.CreateAsync("s", Destination(processing: processing));
        await _bed.PutAsync("s", records);
        await _bed.Service.FlushAsync("s");
    }

    private static async Task Until(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not come true within 10 seconds.");
            await Task.Delay(5);
        }
    }
}
