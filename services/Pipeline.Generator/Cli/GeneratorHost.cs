using Pipeline.Aws.Athena;
using Pipeline.Contracts.Datasets;
using Pipeline.Generator.Aws;

namespace Pipeline.Generator.Cli;

/// <summary>What the command reaches outside itself; the defaults are the real console, clock, catalog and AWS.</summary>
public sealed record GeneratorHost
{
    /// <summary>Progress, the final report and error messages.</summary>
    public TextWriter Error { get; init; } = Console.Error;

    /// <summary>Where a dry run without <c>--out</c> writes its NDJSON.</summary>
    public Func<Stream> OpenStandardOutput { get; init; } = Console.OpenStandardOutput;

    /// <summary>True when <see cref="Error"/> is a terminal: progress is then a live table, else a line every few seconds.</summary>
    public bool ErrorIsTerminal { get; init; } = !Console.IsErrorRedirected;

    public TimeSpan PlainProgressInterval { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public Func<DatasetCatalog> LoadCatalog { get; init; } = DatasetCatalog.Load;

    public IFirehoseClientFactory Clients { get; init; } = new FirehoseClientFactory();

    /// <summary>Makes the Athena client <c>--freshness</c> polls the stage table with.</summary>
    public Func<FirehoseConnection, IAthenaClient> AthenaClients { get; init; } = FirehoseClientFactory.CreateAthena;

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
