namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>One object a table reads: its file in the object store, its size, its partition (null when unpartitioned).</summary>
internal sealed record DataFile(string Path, long Size, bool Gzip, int? Partition);
