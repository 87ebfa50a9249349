namespace Pipeline.UnitTests.Generator.Fakes;

/// <summary>One PutRecordBatch call as the fake saw it: when (by the run's clock) and a copy of every record.</summary>
internal sealed record RecordedCall(int Index, DateTimeOffset At, string Stream, IReadOnlyList<byte[]> Records);
