namespace Pipeline.LocalCloud.Firehose.Delivery;

/// <summary>What became of an accepted record.</summary>
internal enum RecordOutcome
{
    /// <summary>Goes to the destination under the evaluated Prefix.</summary>
    Ok,

    /// <summary>The transformation dropped it on purpose; it counts as processed and goes nowhere.</summary>
    Dropped,

    /// <summary>Goes to the error output under the evaluated ErrorOutputPrefix.</summary>
    Failed,
}
