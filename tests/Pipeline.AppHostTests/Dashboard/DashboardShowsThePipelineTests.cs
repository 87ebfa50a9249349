using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pipeline.AppHostTests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Pipeline.AppHostTests.Dashboard;

/// <summary>
/// The dashboard in a browser, as a developer sees it after `dotnet run --project Pipeline.AppHost`: every resource
/// Running (provisioning Finished), and, after a burst, a trace that crosses the pipeline's services.
/// </summary>
[Collection(RunningPipelineCollection.Name)]
public sealed class DashboardShowsThePipelineTests(RunningPipeline pipeline, ITestOutputHelper output)
{
    /// <summary>Services one trace must show: the generator, LocalCloud and the functions the batch goes through.</summary>
    private const int MinimumServices = 5;

    private static readonly TimeSpan TraceTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_dashboard_shows_every_resource_running_and_a_trace_across_five_services()
    {
        await using var browser = await DashboardBrowser.LaunchAsync();
        var page = await browser.NewPageAsync();
        var dashboard = pipeline.Host.Dashboard;

        // Resources: the dashboard's home page lists every resource of the app model with its state.
        await page.GotoAsync(dashboard.ToString());
        var resources = pipeline.Host.Resources.Select(r => r.Name).ToArray();
        Assert.Contains("localcloud", resources);
        foreach (var name in resources)
        {
            var row = page.Locator("tr.resource-row").Filter(new LocatorFilterOptions
            {
                Has = page.Locator(".resource-name-text", new PageLocatorOptions { HasTextRegex = new Regex("^" + Regex.Escape(name) + "$") }),
            });
            var expected = name == "provisioning" ? "Finished" : "Running";
            await Expect(row.Locator(".state-column-cell")).ToHaveTextAsync(expected, new LocatorAssertionsToHaveTextOptions { Timeout = Milliseconds(DashboardBrowser.Patience) });
            if (expected == "Running")
            {
                // The state cell's tooltip says more than "Running" when a health check fails.
                await Expect(row.GetByRole(AriaRole.Gridcell).Nth(1)).ToHaveAttributeAsync("title", "Running");
            }
        }

        output.WriteLine($"Resources page ({resources.Length} resources): {await DashboardBrowser.ScreenshotAsync(page, "dashboard-resources")}");

        // Traces: a burst through the whole flow, then a trace that shows at least five services.
        await pipeline.BurstNotificationsAsync();
        var (trace, serviceOf) = await FindTraceAsync(page, dashboard);
        output.WriteLine($"Trace {trace.TraceId} \"{trace.Name}\" lists {string.Join(", ", trace.Resources)}");
        await OpenTraceAsync(page, trace.TraceId);

        // The trace detail: one row per span, each with the resource (service instance) that reported it.
        await Expect(page.Locator(".trace-header-details")).ToContainTextAsync("Trace detail");
        await Expect(page.Locator("tbody tr[aria-rowindex]").First).ToBeVisibleAsync();
        var header = Regex.Replace(await page.Locator(".trace-header-details").InnerTextAsync(), @"\s+", " ");
        var spanResources = await ReadRowsAsync(page, "tr => tr.querySelector(\"td[col-index='2']\")?.getAttribute('title') ?? ''");
        var services = spanResources.Values.Where(r => r.Length > 0).Select(r => serviceOf.GetValueOrDefault(r, r)).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"Trace detail ({header.Trim()}): {spanResources.Count} spans from {string.Join(", ", services.Order(StringComparer.Ordinal))}");
        output.WriteLine($"Trace detail page: {await DashboardBrowser.ScreenshotAsync(page, "dashboard-trace-detail")}");
        Assert.True(
            services.Count >= MinimumServices,
            $"The trace detail shows spans from {services.Count} services ({string.Join(", ", services)}); expected at least {MinimumServices}.");
    }

    /// <summary>
    /// Clicks the trace's row in the live list. The list re-renders while the burst's spans still arrive, and a click
    /// that lands during a re-render is lost; the row is found and clicked again until the detail page opens.
    /// </summary>
    private static async Task OpenTraceAsync(IPage page, string traceId)
    {
        var row = page.Locator($"tbody tr[aria-rowindex]:has(td[title*='Trace Id: {traceId}']) .trace-name-content");
        for (var attempt = 1; ; attempt++)
        {
            await row.ClickAsync();
            try
            {
                await page.WaitForURLAsync("**/traces/detail/" + traceId + "**", new PageWaitForURLOptions { Timeout = 15_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 4)
            {
            }
        }
    }

    /// <summary>
    /// Looks through the traces list, one service at a time (the Resource filter, as a person narrows the list), for a
    /// trace whose Spans column names at least <see cref="MinimumServices"/> services. Returns it with what each
    /// resource instance the dashboard names belongs to (a function runs as several processes: "notifier-1234").
    /// </summary>
    private async Task<(TraceRow Trace, IReadOnlyDictionary<string, string> ServiceOf)> FindTraceAsync(IPage page, Uri dashboard)
    {
        var deadline = DateTime.UtcNow + TraceTimeout;
        (TraceRow Trace, string[] Services)? widest = null;
        IReadOnlyDictionary<string, string> serviceOf = new Dictionary<string, string>();
        while (true)
        {
            await page.GotoAsync(new Uri(dashboard, "/traces").ToString());
            var options = page.Locator("fluent-dropdown[aria-label='Select a resource'] fluent-option");
            await Expect(options.Nth(1)).ToBeAttachedAsync();
            serviceOf = await ReadServicesAsync(options);
            var candidates = serviceOf.Values.Distinct(StringComparer.Ordinal)
                .Where(s => s != "localcloud")
                .OrderBy(s => s == "generator-clickstream" ? 0 : 1)
                .ThenBy(s => s, StringComparer.Ordinal)
                .ToArray();
            foreach (var service in candidates)
            {
                await page.GotoAsync(new Uri(dashboard, "/traces/resource/" + Uri.EscapeDataString(service)).ToString());
                await Expect(page.Locator(".result-count")).ToContainTextAsync("Showing");
                if (await page.Locator("tbody tr[aria-rowindex]").CountAsync() == 0)
                {
                    continue;
                }

                // Read again: instances that reported since are named in this page's rows.
                serviceOf = await ReadServicesAsync(options);
                foreach (var trace in await ReadTracesAsync(page))
                {
                    var services = trace.Resources.Select(r => serviceOf.GetValueOrDefault(r, r)).Distinct(StringComparer.Ordinal).ToArray();
                    if (services.Length >= MinimumServices)
                    {
                        return (trace, serviceOf);
                    }

                    if (widest is null || services.Length > widest.Value.Services.Length)
                    {
                        widest = (trace, services);
                    }
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var path = await DashboardBrowser.ScreenshotAsync(page, "dashboard-traces");
                output.WriteLine($"Traces page: {path}");
                Assert.Fail(
                    $"No trace in the dashboard shows spans from {MinimumServices} services within {TraceTimeout}. The widest: "
                    + (widest is not { } w ? "none" : $"{w.Trace.TraceId} \"{w.Trace.Name}\", {w.Services.Length} services: {string.Join(", ", w.Services)}"));
            }

            await Task.Delay(TimeSpan.FromSeconds(5));
        }
    }

    /// <summary>The Resource filter's options: each resource name the dashboard shows, to the service it belongs to.</summary>
    private static async Task<IReadOnlyDictionary<string, string>> ReadServicesAsync(ILocator options)
    {
        var pairs = await options.EvaluateAllAsync<string[][]>(
            "options => options.map(o => [o.getAttribute('text') ?? '', ((o.getAttribute('value') ?? '').match(/ReplicaSetName = ([^,}]+)/) ?? [])[1] ?? ''])");
        return pairs
            .Where(p => p[0].Length > 0 && p[1].Length > 0)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<TraceRow>> ReadTracesAsync(IPage page)
    {
        var rows = await ReadRowsAsync(
            page,
            """
            tr => JSON.stringify([
                ((tr.querySelector("td[title*='Trace Id:']")?.getAttribute('title') ?? '').match(/Trace Id: ([0-9a-f]+)/) ?? [])[1] ?? '',
                tr.querySelector('.trace-name-content > span')?.textContent?.trim() ?? '',
                ...[...tr.querySelectorAll('.trace-service-tag')].map(t => t.textContent.replace(/\s*\(\d+\)\s*$/, '').trim())])
            """);
        return [.. rows.Values
            .Select(json => System.Text.Json.JsonSerializer.Deserialize<string[]>(json)!)
            .Where(cells => cells[0].Length > 0)
            .Select(cells => new TraceRow(cells[0], cells[1], cells[2..]))];
    }

    /// <summary>
    /// Reads every row of the page's grid with <paramref name="read"/> (a JavaScript function of the row), scrolling
    /// through it: the dashboard's grids render only the rows in view.
    /// </summary>
    private static async Task<IReadOnlyDictionary<int, string>> ReadRowsAsync(IPage page, string read)
    {
        var rows = page.Locator("tbody tr[aria-rowindex]");
        var seen = new SortedDictionary<int, string>();
        for (var pass = 0; pass < 500; pass++)
        {
            var batch = await rows.EvaluateAllAsync<string[][]>($"rows => rows.map(tr => [tr.getAttribute('aria-rowindex'), ({read})(tr)])");
            var added = 0;
            foreach (var cells in batch)
            {
                if (seen.TryAdd(int.Parse(cells[0], CultureInfo.InvariantCulture), cells[1]))
                {
                    added++;
                }
            }

            if (added == 0 && pass > 0)
            {
                break;
            }

            if (batch.Length > 0)
            {
                await rows.Last.ScrollIntoViewIfNeededAsync();
                await page.WaitForTimeoutAsync(300);
            }
        }

        return seen;
    }

    private static float Milliseconds(TimeSpan time) => (float)time.TotalMilliseconds;

    /// <summary>One row of the traces list: its id, its name and the resources its Spans column names.</summary>
    private sealed record TraceRow(string TraceId, string Name, IReadOnlyList<string> Resources);
}
