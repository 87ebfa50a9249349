using Aspire.Hosting;
using System.Text.RegularExpressions;

namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>
/// One app host run shared by the tests of <see cref="RunningPipelineCollection"/>: generators paused (rate 0), so
/// what flows is what the tests send through the commands.
/// </summary>
public sealed partial class RunningPipeline : IAsyncLifetime
{
    /// <summary>Records the shared burst sends to the clickstream stream.</summary>
    public const int BurstRecords = 300;

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("pipeline-apphost-").FullName;
    private readonly Lazy<Task<string>> _burst;
    private PipelineAppHost? _host;

    public RunningPipeline() => _burst = new(SendBurstAndWaitAsync);

    internal PipelineAppHost Host => _host ?? throw new InvalidOperationException("The app host has not started.");

    public async Task InitializeAsync()
    {
        _host = await PipelineAppHost.StartAsync(_dataDirectory, generatorRate: 0);
        await _host.WaitUntilUpAsync(TimeSpan.FromMinutes(4));
    }

    /// <summary>
    /// Sends <see cref="BurstRecords"/> clickstream records through the generator's "Send burst" command (once per run)
    /// and returns the job notifications' console once they account for every record.
    /// </summary>
    public Task<string> BurstNotificationsAsync() => _burst.Value;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A process still closing a file: the OS temp cleaner gets it.
        }
    }

    /// <summary>The rows the clickstream job runs wrote, as their notifications report them.</summary>
    public static long ClickstreamRowsWritten(string notifications) =>
        ClickstreamRuns().Matches(notifications).Sum(m => long.Parse(m.Groups["rows"].Value.Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));

    private async Task<string> SendBurstAndWaitAsync()
    {
        var result = await Host.Commands.ExecuteCommandAsync(
            "generator-clickstream",
            "burst",
            new InteractionInputCollection([new InteractionInput { Name = "records", InputType = InputType.Number, Value = BurstRecords.ToString(System.Globalization.CultureInfo.InvariantCulture) }]));
        Assert.True(result.Success, result.Message);
        return await ResourceLogs.WaitUntilAsync(
            Host.Logs,
            "job-notifications",
            text => ClickstreamRowsWritten(text) >= BurstRecords,
            TimeSpan.FromMinutes(4));
    }

    [GeneratedRegex(@"The ETL run of clickstream ended SUCCEEDED\.[\s\S]*?Rows written:\s+(?<rows>[\d,]+)")]
    private static partial Regex ClickstreamRuns();
}
