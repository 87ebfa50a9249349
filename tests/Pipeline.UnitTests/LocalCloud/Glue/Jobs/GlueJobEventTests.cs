using System.Text.Json;
using Pipeline.LocalCloud.Glue.Jobs;
using Pipeline.AwsShapes.Glue;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.LocalCloud.Glue.Jobs;

/// <summary>Finished runs put <c>Glue Job State Change</c> on the bus with the detail members, order and string values of AWS's events.</summary>
public sealed class GlueJobEventTests : IAsyncLifetime
{
    private readonly JobsHarness _glue = new();

    public async Task InitializeAsync() => await _glue.Jobs.CreateAsync("MyJob", JobsHarness.Definition(timeout: 5));

    public async Task DisposeAsync() => await _glue.DisposeAsync();

    public static TheoryData<string> States => new() { "succeeded", "failed", "stopped", "timeout" };

    [Theory]
    [MemberData(nameof(States))]
    public async Task The_event_has_the_reference_shape(string state)
    {
        var reference = JsonDocument.Parse(File.ReadAllText(ReferenceFiles.Path("events", $"glue-job-state-change-{state}.json"))).RootElement;
        var id = await _glue.StartAsync("MyJob");
        await _glue.Script.Started.Task;
        switch (state)
        {
            case "succeeded":
                _glue.Script.Finish();
                break;
            case "failed":
                _glue.Script.Failure = new InvalidOperationException("boom");
                _glue.Script.Finish();
                break;
            case "stopped":
                await _glue.Jobs.StopRunsAsync("MyJob", [id]);
                break;
            default:
                _glue.Time.Advance(TimeSpan.FromMinutes(5));
                break;
        }

        await _glue.Jobs.WaitForRunAsync(id);
        var sent = Assert.Single(_glue.Events.Events);
        var detail = JsonDocument.Parse(sent.DetailJson).RootElement;
        var expected = reference.GetProperty("detail");

        Assert.Equal(reference.GetProperty("source").GetString(), sent.Source);
        Assert.Equal(reference.GetProperty("detail-type").GetString(), sent.DetailType);
        Assert.Empty(sent.Resources);
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name), detail.EnumerateObject().Select(p => p.Name));
        Assert.All(detail.EnumerateObject(), p => Assert.Equal(JsonValueKind.String, p.Value.ValueKind));
        Assert.Equal(expected.GetProperty("severity").GetString(), detail.GetProperty("severity").GetString());
        Assert.Equal(expected.GetProperty("state").GetString(), detail.GetProperty("state").GetString());
        Assert.Equal("MyJob", detail.GetProperty("jobName").GetString());
        Assert.Equal(id, detail.GetProperty("jobRunId").GetString());
        var message = detail.GetProperty("message").GetString();
        if (state == "failed")
        {
            Assert.Equal($"JobName:MyJob and JobRunId:{id} failed to execute with exception boom", message);
        }
        else
        {
            Assert.Equal(expected.GetProperty("message").GetString(), message);
        }
    }

    [Fact]
    public async Task No_event_is_sent_while_a_run_is_in_progress()
    {
        var id = await _glue.StartAsync("MyJob");
        await _glue.Script.Started.Task;
        await _glue.WaitForStateAsync("MyJob", id, JobRunStateValues.Running);

        Assert.Empty(_glue.Events.Events);
        Assert.Null(JobStateEvents.For("MyJob", id, JobRunStateValues.Stopping, null));
    }
}
