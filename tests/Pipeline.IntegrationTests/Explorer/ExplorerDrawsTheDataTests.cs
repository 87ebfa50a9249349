using System.Globalization;
using Microsoft.Playwright;
using Pipeline.AppHostTests.Infrastructure;
using Pipeline.Aws.Athena;
using Pipeline.AwsShapes.Athena;
using Pipeline.Explorer.Athena;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.IntegrationTests.Explorer;

/// <summary>
/// The Explorer in Debian's Chromium over a seeded LocalCloud: one bar per vendor, one point per vehicle, the funnel,
/// each checked against what Athena says the tables hold; and the SQL box's cost line and Athena's error text.
/// Screenshots go to TestResults/screenshots.
/// </summary>
public sealed class ExplorerDrawsTheDataTests(ExplorerFixture explorer, ITestOutputHelper output) : IClassFixture<ExplorerFixture>
{
    private const string Database = "pipeline";
    private const string WorkGroup = "pipeline-local";

    private static readonly string[] FunnelSteps = ["viewed", "clicked", "added_to_cart", "checked_out", "purchased"];

    private static readonly string[] FunnelActions = ["view", "click", "add_to_cart", "checkout", "purchase"];

    [Fact]
    public async Task The_page_draws_a_bar_per_vendor_a_point_per_vehicle_and_the_funnel()
    {
        var vendors = (await AskAsync("SELECT DISTINCT vendor FROM vehicle_telemetry_stage")).Select(r => r[0]!).ToHashSet(StringComparer.Ordinal);
        var vehicles = (await AskAsync("SELECT DISTINCT vehicle_id FROM vehicle_telemetry_stage")).Select(r => r[0]!).ToHashSet(StringComparer.Ordinal);
        var latestDay = (await AskAsync("SELECT max(event_date) FROM clickstream_stage"))[0][0]!;
        var sessions = (await AskAsync($"SELECT action, count(DISTINCT session_id) FROM clickstream_stage WHERE event_date = '{latestDay}' GROUP BY action"))
            .ToDictionary(r => r[0]!, r => long.Parse(r[1]!, CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.NotEmpty(vendors);
        Assert.NotEmpty(vehicles);

        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(explorer.Explorer.ToString());

        var bars = page.Locator("#vendor-chart rect.bar");
        await Expect(bars).ToHaveCountAsync(vendors.Count);
        Assert.Equal(vendors.Order(StringComparer.Ordinal), (await bars.EvaluateAllAsync<string[]>("bars => bars.map(b => b.dataset.vendor)")).Order(StringComparer.Ordinal));

        var points = page.Locator("#vehicles-layer circle.vehicle");
        await Expect(points).ToHaveCountAsync(vehicles.Count);
        Assert.Equal(vehicles.Order(StringComparer.Ordinal), (await points.EvaluateAllAsync<string[]>("points => points.map(p => p.dataset.vehicleId)")).Order(StringComparer.Ordinal));
        var statuses = await points.EvaluateAllAsync<string[]>("points => points.map(p => p.getAttribute('class'))");
        Assert.All(statuses, s => Assert.Matches("status-(ok|warn|fail)", s));
        await Expect(page.Locator("#countries path.country").First).ToBeAttachedAsync();

        var steps = page.Locator("#funnel .step");
        await Expect(steps).ToHaveCountAsync(FunnelSteps.Length);
        Assert.Equal(FunnelSteps, await steps.EvaluateAllAsync<string[]>("steps => steps.map(s => s.dataset.step)"));
        var drawn = await steps.EvaluateAllAsync<long[]>("steps => steps.map(s => Number(s.dataset.sessions))");
        Assert.Equal(FunnelActions.Select(a => sessions.GetValueOrDefault(a)), drawn);

        output.WriteLine($"{vendors.Count} vendors, {vehicles.Count} vehicles, funnel {string.Join(" → ", drawn)}");
        output.WriteLine($"Explorer: {await DashboardBrowser.ScreenshotAsync(page, "explorer")}");
    }

    [Fact]
    public async Task The_sql_box_shows_the_rows_the_scan_and_its_price_and_athenas_error_text()
    {
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(explorer.Explorer, "#sql").ToString());

        await page.Locator("#sql-text").FillAsync("SELECT action, count(*) AS events FROM clickstream_stage GROUP BY action ORDER BY action");
        await page.Locator("#run").ClickAsync();
        var stats = page.Locator("#sql-stats");
        await Expect(stats).ToHaveAttributeAsync("data-state", new System.Text.RegularExpressions.Regex("^(SUCCEEDED|FAILED)$"));
        Assert.True(
            await stats.GetAttributeAsync("data-state") == "SUCCEEDED",
            $"The SQL box's query failed: {await page.Locator("#sql-error").InnerTextAsync()}");
        var expected = await AskAsync("SELECT action, count(*) AS events FROM clickstream_stage GROUP BY action ORDER BY action");
        await Expect(page.Locator("#sql-result tr")).ToHaveCountAsync(expected.Count + 1);
        var scanned = long.Parse(System.Text.RegularExpressions.Regex.Match(await stats.InnerTextAsync(), @"DataScannedInBytes (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(scanned > 0, await stats.InnerTextAsync());
        await Expect(stats).ToContainTextAsync("$" + AthenaPrice.Dollars(scanned).ToString("F6", CultureInfo.InvariantCulture));
        output.WriteLine($"SQL: {await DashboardBrowser.ScreenshotAsync(page, "explorer-sql")}");

        await page.Locator("#sql-text").FillAsync("SELECT * FROM no_such_table");
        await page.Locator("#run").ClickAsync();
        await Expect(stats).ToHaveAttributeAsync("data-state", "FAILED");
        var error = await AthenaErrorAsync("SELECT * FROM no_such_table");
        await Expect(page.Locator("#sql-error")).ToHaveTextAsync(error);
        output.WriteLine($"SQL error: {await DashboardBrowser.ScreenshotAsync(page, "explorer-sql-error")}");
    }

    private async Task<string> AthenaErrorAsync(string sql)
    {
        var execution = await RunAsync(sql);
        Assert.Equal(QueryExecutionStateValues.Failed, execution.Status?.State);
        return execution.Status!.StateChangeReason!;
    }

    /// <summary>The data rows of <paramref name="sql"/>, asked of Athena directly (not through the Explorer).</summary>
    private async Task<List<string?[]>> AskAsync(string sql)
    {
        var execution = await RunAsync(sql);
        Assert.True(execution.Status?.State == QueryExecutionStateValues.Succeeded, $"{sql}: {execution.Status?.StateChangeReason}");
        var athena = explorer.Aws.CreateAthena();
        var rows = new List<string?[]>();
        string? token = null;
        do
        {
            var page = await athena.GetQueryResultsAsync(execution.QueryExecutionId!, token);
            rows.AddRange(page.ResultSet!.Rows!.Select(r => r.Data!.Select(d => d.VarCharValue).ToArray()));
            token = page.NextToken;
        }
        while (token is not null);

        return rows.Skip(1).ToList();
    }

    private async Task<QueryExecution> RunAsync(string sql)
    {
        var athena = explorer.Aws.CreateAthena();
        var id = await athena.StartQueryExecutionAsync(new StartQueryExecutionRequest { QueryString = sql, WorkGroup = WorkGroup, QueryExecutionContext = new QueryExecutionContext { Database = Database } });
        while (true)
        {
            var execution = await athena.GetQueryExecutionAsync(id);
            if (execution.Status?.State is QueryExecutionStateValues.Succeeded or QueryExecutionStateValues.Failed or QueryExecutionStateValues.Cancelled)
            {
                return execution;
            }

            await Task.Delay(100);
        }
    }
}
