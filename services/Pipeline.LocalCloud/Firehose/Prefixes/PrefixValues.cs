namespace Pipeline.LocalCloud.Firehose.Prefixes;

/// <summary>
/// What one evaluation of a prefix needs. Every timestamp expression uses <see cref="Instant"/> (the arrival time
/// of the oldest record in the object), shown in <see cref="TimeZone"/>.
/// </summary>
/// <param name="Instant">The approximate arrival time of the oldest record in the object.</param>
/// <param name="TimeZone">UTC unless the stream sets <c>CustomTimeZone</c>.</param>
/// <param name="RandomString">The value of the n-th <c>random-string</c> use; null draws fresh random strings.</param>
/// <param name="ErrorOutputType">Required when the prefix contains <c>!{firehose:error-output-type}</c>.</param>
/// <param name="PartitionKey">Looks up partition key values; required when the prefix has partition keys.</param>
internal sealed record PrefixValues(
    DateTimeOffset Instant,
    TimeZoneInfo TimeZone,
    Func<int, string>? RandomString = null,
    ErrorOutputType? ErrorOutputType = null,
    Func<PartitionKeySource, string, string?>? PartitionKey = null);
