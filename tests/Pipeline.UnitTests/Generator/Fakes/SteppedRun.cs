using System.Diagnostics;
using Pipeline.Generator.Sending;
using Pipeline.UnitTests.Support;

namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>
/// Runs a <see cref="FirehoseLoadRunner"/> on a fake clock, moving it a millisecond at a time while the run waits on a
/// timer, until the run ends: a paced minute runs in well under a second, and the schedule the runner computes is what
/// the test measures. Suits runs that wait on timers only: the generator's pacing and a send's backoff, not a
/// producer held up by a full set of calls in flight.
/// </summary>
internal static class SteppedRun
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    /// <summary>Runs <paramref name="runner"/> to its end, or fails once ten minutes of virtual time or 60 s of real time have passed.</summary>
    public static Task<RunOutcome> RunAsync(FirehoseLoadRunner runner, PendingTimersTimeProvider time) =>
        // No synchronization context on a pool thread: a timer that comes due inside Advance resumes the runner right
        // there, so when Advance returns the runner is waiting for its next timer, or is done.
        Task.Run(async () =>
        {
            var end = time.GetUtcNow() + TimeSpan.FromMinutes(10);
            var realTime = Stopwatch.StartNew();
            var run = runner.RunAsync();
            while (!run.IsCompleted)
            {
                if (time.GetUtcNow() >= end || realTime.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException($"The run had not ended at {time.GetUtcNow():O} after {realTime.Elapsed.TotalSeconds:F1} s.");
                }

                if (time.PendingTimers > 0)
                {
                    time.Advance(Step);
                }
                else
                {
                    // Nothing to wake: the run is finishing on another thread (its last call in flight just released
                    // the slot it waits for). Moving the clock now would only race it.
                    await Task.Delay(1);
                }
            }

            return await run;
        });
}
