using System.Diagnostics;
using System.Net;
using Pipeline.Aws;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>Each AWS call is one Client span on the Pipeline.Aws source, with the rpc.* and aws.* attributes.</summary>
public sealed class AwsCallTelemetryTests : IDisposable
{
    private readonly AwsTestClients _aws = new();
    private readonly List<Activity> _stopped = [];
    private readonly ActivityListener _listener;

    public AwsCallTelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == AwsTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (_stopped)
                {
                    _stopped.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_successful_call_after_a_retry_is_one_span_with_the_request_id()
    {
        var requestId = Guid.NewGuid().ToString();
        _aws.Handler
            .ThenJson(HttpStatusCode.ServiceUnavailable, """{"__type":"ServiceUnavailableException"}""")
            .ThenJson(HttpStatusCode.OK, """{"FailedPutCount":0,"RequestResponses":[{"RecordId":"r"}]}""", ("x-amzn-RequestId", requestId));

        await _aws.Firehose().PutRecordBatchAsync("s", [new byte[] { 1 }]);

        var span = Assert.Single(Spans(requestId));
        Assert.Equal(("Firehose.PutRecordBatch", ActivityKind.Client), (span.DisplayName, span.Kind));
        Assert.Equal("aws-api", span.GetTagItem("rpc.system"));
        Assert.Equal("Firehose", span.GetTagItem("rpc.service"));
        Assert.Equal("PutRecordBatch", span.GetTagItem("rpc.method"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
        Assert.Single(span.Events, e => e.Name == "aws.retry");
    }

    [Fact]
    public async Task A_failed_call_marks_the_span_as_an_error_with_the_code()
    {
        var requestId = Guid.NewGuid().ToString();
        _aws.Handler.ThenJson(HttpStatusCode.BadRequest, """{"__type":"ResourceNotFoundException","message":"gone"}""", ("x-amzn-RequestId", requestId));

        await Assert.ThrowsAsync<AwsServiceException>(() => _aws.Firehose().DescribeDeliveryStreamAsync("s"));

        var span = Assert.Single(Spans(requestId));
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("ResourceNotFoundException", span.GetTagItem("error.type"));
        Assert.Equal(400, span.GetTagItem("http.response.status_code"));
    }

    // Other tests run in parallel and also make spans; the request id picks out this test's.
    private List<Activity> Spans(string requestId)
    {
        lock (_stopped)
        {
            return [.. _stopped.Where(a => (string?)a.GetTagItem("aws.request_id") == requestId)];
        }
    }
}
