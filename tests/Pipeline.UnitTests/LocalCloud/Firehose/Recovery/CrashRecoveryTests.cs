using System.Text;
using Pipeline.Contracts.Aws.Firehose;
using Pipeline.UnitTests.LocalCloud.Firehose.Fakes;
using static Pipeline.UnitTests.LocalCloud.Firehose.Fakes.FirehoseTestBed;

namespace Pipeline.UnitTests.LocalCloud.Firehose.Recovery;

/// <summary>
/// A crash at any point of a delivery, followed by a restart over the same data directory, delivers every accepted
/// record exactly once: the interrupted delivery is redone from its durable plan, overwriting the same keys.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncLifetime
{
    private static readonly string[] Records = ["r1", "r2", "bad", "r4"];

    // Upper-cases records, fails "bad": every delivery writes a data object and an error object.
    private static readonly FakeFunctionInvoker Transformer = new((e, _) => FakeFunctionInvoker.Respond(e.Records.Select(r =>
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(r.Data));
        return text.StartsWith("bad", StringComparison.Ordinal)
            ? new FirehoseTransformedRecord(r.RecordId, FirehoseRecordResult.ProcessingFailed, r.Data)
            : new FirehoseTransformedRecord(r.RecordId, FirehoseRecordResult.Ok, Convert.ToBase64String(Encoding.UTF8.GetBytes(text.ToUpperInvariant() + "\n")));
    })));

    private readonly FirehoseTestBed _bed = new(Transformer);

    public async Task InitializeAsync()
    {
        await _bed.CreateAsync("s", Destination(compression: "GZIP", processing: Lambda()));
        await _bed.PutAsync("s", Records);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task A_crash_between_two_objects_is_finished_after_the_restart_with_the_same_keys()
    {
        _bed.Store.FailAfterPuts = 1;
        await Assert.ThrowsAsync<IOException>(() => _bed.Service.FlushAsync("s"));
        var keysBeforeCrash = _bed.Store.Objects.Select(o => o.Key).ToArray();

        _bed.Store.FailAfterPuts = null;
        await _bed.RestartAsync();
        var counts = await _bed.Service.FlushAsync("s");

        Assert.Single(keysBeforeCrash);
        Assert.Equal(2, _bed.Store.Objects.Count);
        Assert.Contains(keysBeforeCrash[0], _bed.Store.Objects.Select(o => o.Key));
        Assert.Equal(2, _bed.Store.Objects.Single(o => o.Key == keysBeforeCrash[0]).Writes);
        Assert.Equal(["R1", "R2", "R4", "bad"], DeliveredRecords.In(_bed.Store));
        Assert.Equal(4, counts.Records);
    }

    [Fact]
    public async Task A_crash_after_every_object_and_before_the_checkpoint_rewrites_them_and_adds_none()
    {
        _bed.Store.ThrowAfterStoringPuts = 2;
        await Assert.ThrowsAsync<IOException>(() => _bed.Service.FlushAsync("s"));
        var before = _bed.Store.Objects.Select(o => (o.Key, Content: Convert.ToBase64String(o.Content))).ToArray();

        await _bed.RestartAsync();
        await _bed.Service.FlushAsync("s");

        Assert.Equal(2, before.Length);
        Assert.Equal(before, _bed.Store.Objects.Select(o => (o.Key, Content: Convert.ToBase64String(o.Content))));
        Assert.All(_bed.Store.Objects, o => Assert.Equal(2, o.Writes));
        Assert.Equal(["R1", "R2", "R4", "bad"], DeliveredRecords.In(_bed.Store));
    }

    [Fact]
    public async Task The_redone_delivery_does_not_ask_the_function_again_so_a_changed_answer_cannot_duplicate_records()
    {
        _bed.Store.FailAfterPuts = 1;
        await Assert.ThrowsAsync<IOException>(() => _bed.Service.FlushAsync("s"));
        var invocations = Transformer.Invocations.Count;

        // After the restart the function fails everything: had the delivery been recomputed, the records already
        // written to raw/ would also land in the error output.
        _bed.Functions = new FakeFunctionInvoker((_, _) => FakeFunctionInvoker.Error("Error", "down"));
        _bed.Store.FailAfterPuts = null;
        await _bed.RestartAsync();
        await _bed.Service.FlushAsync("s");

        Assert.Equal(invocations, Transformer.Invocations.Count);
        Assert.Equal(["R1", "R2", "R4", "bad"], DeliveredRecords.In(_bed.Store));
    }

    [Fact]
    public async Task Records_accepted_after_the_crash_go_to_a_later_object_not_into_the_redone_one()
    {
        _bed.Store.FailAfterPuts = 0;
        await Assert.ThrowsAsync<IOException>(() => _bed.Service.FlushAsync("s"));
        await _bed.PutAsync("s", "late");

        _bed.Store.FailAfterPuts = null;
        await _bed.RestartAsync();
        await _bed.Service.FlushAsync("s");

        Assert.Equal(3, _bed.Store.Objects.Count);
        Assert.Equal(["LATE", "R1", "R2", "R4", "bad"], DeliveredRecords.In(_bed.Store));
    }

    [Fact]
    public async Task A_crash_after_the_checkpoint_does_not_deliver_again()
    {
        await _bed.Service.FlushAsync("s");
        var writes = _bed.Store.Puts;

        await _bed.RestartAsync();
        var counts = await _bed.Service.FlushAsync("s");

        Assert.Equal(0, counts.Records);
        Assert.Equal(writes, _bed.Store.Puts);
    }

    [Fact]
    public async Task Records_never_attempted_are_delivered_after_a_restart_with_their_arrival_time()
    {
        _bed.Time.Advance(TimeSpan.FromHours(2));
        await _bed.RestartAsync();

        await _bed.Service.FlushAsync("s");

        Assert.Equal(["R1", "R2", "R4", "bad"], DeliveredRecords.In(_bed.Store));
        Assert.All(_bed.Store.Objects, o => Assert.Contains("/2018/08/27/10/s-1-2018-08-27-10-30-00-", o.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_loop_finishes_an_interrupted_delivery_at_start_without_waiting_for_the_buffer()
    {
        _bed.Store.FailAfterPuts = 1;
        await Assert.ThrowsAsync<IOException>(() => _bed.Service.FlushAsync("s"));
        _bed.Store.FailAfterPuts = null;

        await _bed.RestartAsync();
        _bed.Service.Start();

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_bed.Store.Objects.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline);
            await Task.Delay(10);
        }

        Assert.Equal(["R1", "R2", "R4", "bad"], DeliveredRecords.In(_bed.Store));
    }

    [Fact]
    public async Task A_torn_append_at_the_end_of_the_journal_is_cut_off_and_the_whole_records_survive()
    {
        var segment = Directory.GetFiles(Path.Combine(_bed.DataDirectory, "firehose", "s", "log"), "*.seg").Single();
        await File.AppendAllTextAsync(segment, "half a record");

        await _bed.RestartAsync();
        await _bed.PutAsync("s", "after");
        await _bed.Service.FlushAsync("s");

        Assert.Equal(["AFTER", "R1", "R2", "R4", "bad"], DeliveredRecords.In(_bed.Store));
    }

    [Fact]
    public async Task An_incomplete_plan_is_discarded_and_the_records_delivered_fresh()
    {
        var pending = Path.Combine(_bed.DataDirectory, "firehose", "s", "pending");
        Directory.CreateDirectory(pending);
        await File.WriteAllTextAsync(Path.Combine(pending, "object-00000.bin"), "partial");

        await _bed.RestartAsync();
        await _bed.Service.FlushAsync("s");

        Assert.False(Directory.Exists(pending));
        Assert.Equal(["R1", "R2", "R4", "bad"], DeliveredRecords.In(_bed.Store));
    }
}
