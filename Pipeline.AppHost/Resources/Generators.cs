using System.Globalization;
using Pipeline.AppHost.Deployment;

namespace Pipeline.AppHost.Resources;

/// <summary>One generator process per dataset, sending to that dataset's delivery stream until stopped.</summary>
public sealed class Generators : IAsyncDisposable
{
    private readonly IReadOnlyList<ChildProcess> _processes;

    private Generators(IReadOnlyList<ChildProcess> processes) => _processes = processes;

    public static Generators None { get; } = new([]);

    public IReadOnlyList<ChildProcess> Processes => _processes;

    public static Generators Start(LocalDeployment deployment, LocalCloudResource cloud, double rate, TextWriter output)
    {
        var assembly = Executables.PathOf("Pipeline.Generator");
        var environment = cloud.ChildEnvironment();
        foreach (var (key, value) in Telemetry.ForwardedVariables())
        {
            environment[key] = value;
        }

        var processes = deployment.Streams.Select(stream => ChildProcess.StartDotnet(
            $"generator-{stream.Dataset}",
            assembly,
            [
                "--dataset", stream.Dataset,
                "--stream", stream.StreamName,
                "--rate", rate.ToString(CultureInfo.InvariantCulture),
                // Until Ctrl+C: the app host stops it.
                "--duration", "8760h",
                "--endpoint-url", cloud.Endpoint.ToString(),
            ],
            environment,
            output)).ToArray();
        return new Generators(processes);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }
    }
}
