using Pipeline.AwsShapes.EventBridge;
using Pipeline.LocalCloud.Events.Api;
using Pipeline.LocalCloud.Hosting;
using Pipeline.UnitTests.LocalCloud.Events.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Events;

/// <summary>PutEvents checks the request as a whole, then answers each entry in its slot.</summary>
public sealed class PutEventsValidationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("events-unit-").FullName;

    private readonly Pipeline.LocalCloud.Events.EventBusService _bus;

    public PutEventsValidationTests() => _bus = EventBusFactory.Create(new RecordingFunctionInvoker(), _directory);

    private static PutEventsEntry Entry(string? source = "app", string? detailType = "Thing", string? detail = """{"a":1}""") =>
        new() { Source = source, DetailType = detailType, Detail = detail };

    [Fact]
    public void More_than_ten_entries_are_a_validation_error()
    {
        var error = Assert.Throws<AwsServiceException>(() => EventsEndpoint.PutEvents(_bus, new PutEventsInput { Entries = Enumerable.Range(0, 11).Select(_ => Entry()).ToList() }));

        Assert.Equal("ValidationException", error.Code);
        Assert.Empty(_bus.Recent);
    }

    [Fact]
    public void No_entries_are_a_validation_error()
    {
        Assert.Equal("ValidationException", Assert.Throws<AwsServiceException>(() => EventsEndpoint.PutEvents(_bus, new PutEventsInput { Entries = [] })).Code);
        Assert.Equal("ValidationException", Assert.Throws<AwsServiceException>(() => EventsEndpoint.PutEvents(_bus, new PutEventsInput { Entries = null })).Code);
    }

    [Fact]
    public void Entries_over_256_KiB_in_total_are_a_validation_error()
    {
        var big = $$"""{"a":"{{new string('x', 140 * 1024)}}"}""";

        var error = Assert.Throws<AwsServiceException>(() => EventsEndpoint.PutEvents(_bus, new PutEventsInput { Entries = [Entry(detail: big), Entry(detail: big)] }));

        Assert.Equal("Total size of the entries in the request is over the limit.", error.Message);
    }

    [Fact]
    public void Bad_entries_fail_in_their_slot_and_the_others_are_put()
    {
        var output = EventsEndpoint.PutEvents(_bus, new PutEventsInput
        {
            Entries =
            [
                Entry(),
                Entry(source: null),
                Entry(detailType: ""),
                Entry(detail: null),
                Entry(detail: "[1]"),
                Entry(detail: "{oops"),
            ],
        });

        Assert.Equal(5, output.FailedEntryCount);
        Assert.NotNull(output.Entries![0].EventId);
        Assert.Equal(["InvalidArgument", "InvalidArgument", "InvalidArgument", "MalformedDetail", "MalformedDetail"], output.Entries.Skip(1).Select(e => e.ErrorCode));
        Assert.Contains("Source is a required argument", output.Entries[1].ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(output.Entries![0].EventId, Assert.Single(_bus.Recent).Id);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
