using System.Globalization;
using Amazon.Runtime;
using Aspire.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Aws;

namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>
/// The app host as `dotnet run --project Pipeline.AppHost` runs it, through Aspire.Hosting.Testing, on free ports:
/// LocalCloud, and the dashboard unsecured (as locally) so its telemetry API answers.
/// </summary>
internal sealed class PipelineAppHost : IAsyncDisposable
{
    private const string DashboardResource = "aspire-dashboard";

    private PipelineAppHost(DistributedApplication app, int port, string dataDirectory)
    {
        App = app;
        Port = port;
        DataDirectory = dataDirectory;
    }

    public DistributedApplication App { get; }

    public int Port { get; }

    public string DataDirectory { get; }

    /// <summary>The dashboard's address (its front end; the testing builder picks the ports).</summary>
    public Uri Dashboard =>
        Notifications.TryGetCurrentState(DashboardResource, out var dashboard)
        && dashboard.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == "DASHBOARD__FRONTEND__PUBLICURL")?.Value is { Length: > 0 } url
            ? new Uri(url)
            : throw new InvalidOperationException("The dashboard is not running.");

    public ResourceNotificationService Notifications => App.Services.GetRequiredService<ResourceNotificationService>();

    public ResourceLoggerService Logs => App.Services.GetRequiredService<ResourceLoggerService>();

    public ResourceCommandService Commands => App.Services.GetRequiredService<ResourceCommandService>();

    /// <summary>The resources the dashboard lists (Aspire's own hidden helpers, such as project rebuilders, left out).</summary>
    public IReadOnlyList<IResource> Resources => App.Services.GetRequiredService<DistributedApplicationModel>().Resources
        .Where(r => !(Notifications.TryGetCurrentState(r.Name, out var current) && current.Snapshot.IsHidden))
        .ToArray();

    /// <summary>Clients for LocalCloud, as any AWS SDK pointed at it would be.</summary>
    public AwsClientFactory Aws => new(new AwsClientOptions
    {
        Endpoint = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}"),
        Region = "us-east-1",
        Credentials = new BasicAWSCredentials("test", "test"),
    });

    public static async Task<PipelineAppHost> StartAsync(string dataDirectory, double generatorRate, int? port = null, CancellationToken cancellationToken = default)
    {
        var cloudPort = port ?? FreePort.Next();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Pipeline_AppHost>(
            [
                "--port", cloudPort.ToString(CultureInfo.InvariantCulture),
                "--data-dir", dataDirectory,
                "--generator-rate", generatorRate.ToString(CultureInfo.InvariantCulture),
            ],
            (options, _) => options.DisableDashboard = false,
            cancellationToken);

        // As the app host's launch profile sets them for `dotnet run`: plain HTTP, no login, the telemetry API on.
        builder.Configuration["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        builder.Configuration["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";

        var app = await builder.BuildAsync(cancellationToken);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return new PipelineAppHost(app, cloudPort, dataDirectory);
    }

    /// <summary>Waits until every resource is up: provisioning Finished, everything else Running and healthy.</summary>
    public async Task WaitUntilUpAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        foreach (var resource in Resources)
        {
            try
            {
                if (resource.Name == "provisioning")
                {
                    await Notifications.WaitForResourceAsync(resource.Name, KnownResourceStates.Finished, cancel.Token);
                }
                else
                {
                    await Notifications.WaitForResourceHealthyAsync(resource.Name, cancel.Token);
                }
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                throw new TimeoutException($"{resource.Name} did not come up within {timeout}: {Describe(resource.Name)}");
            }
        }
    }

    /// <summary>
    /// What is not up now, one line each: provisioning not Finished with exit code 0; anything else waiting, starting,
    /// ended, unhealthy or in an error state. A crawl or a job run in progress is up.
    /// </summary>
    public IReadOnlyList<string> ResourcesNotUp() =>
        [.. Resources.Where(r => !IsUp(r.Name)).Select(r => $"{r.Name}: {Describe(r.Name)}")];

    /// <summary>
    /// Waits until nothing is down (<see cref="ResourcesNotUp"/>): after a crash, a Glue job run that was cut short shows
    /// FAILED until the pipeline's next run of that job.
    /// </summary>
    public async Task<IReadOnlyList<string>> WaitUntilNothingIsDownAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var down = ResourcesNotUp();
            if (down.Count == 0 || DateTime.UtcNow > deadline)
            {
                return down;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private bool IsUp(string resource)
    {
        if (!Notifications.TryGetCurrentState(resource, out var current))
        {
            return false;
        }

        var snapshot = current.Snapshot;
        var state = snapshot.State?.Text;
        if (resource == "provisioning")
        {
            return state == KnownResourceStates.Finished && snapshot.ExitCode == 0;
        }

        return state is { Length: > 0 }
            && state != KnownResourceStates.Waiting
            && state != KnownResourceStates.NotStarted
            && state != KnownResourceStates.Starting
            && !KnownResourceStates.TerminalStates.Contains(state)
            && snapshot.State?.Style != KnownResourceStateStyles.Error
            && snapshot.HealthStatus != Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy;
    }

    public string Describe(string resource) =>
        Notifications.TryGetCurrentState(resource, out var current)
            ? $"state {current.Snapshot.State?.Text}, health {current.Snapshot.HealthStatus}, exit code {current.Snapshot.ExitCode}"
            : "no state yet";

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await App.StopAsync(timeout.Token);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }
}
