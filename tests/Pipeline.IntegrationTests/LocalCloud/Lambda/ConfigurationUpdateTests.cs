using System.Net;
using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>A new environment or new code reaches the next invocation: the warm processes are replaced.</summary>
public sealed class ConfigurationUpdateTests : IAsyncLifetime
{
    private LocalCloudInstance _cloud = null!;

    public async Task InitializeAsync() => _cloud = await LocalCloudInstance.StartAsync();

    public async Task DisposeAsync() => await _cloud.DisposeAsync();

    [PythonFact]
    public async Task An_environment_update_restarts_the_process_with_the_new_variables()
    {
        await _cloud.CreateFunctionAsync("configurable", environment: new Dictionary<string, string> { ["COLOUR"] = "red" });
        var (before, _) = await _cloud.InvokeJsonAsync("configurable", "{}");

        var update = new Dictionary<string, object?> { ["Environment"] = new Dictionary<string, object?> { ["Variables"] = new Dictionary<string, string> { ["COLOUR"] = "blue" } } };
        using (var response = await _cloud.Http.PutAsync("/2015-03-31/functions/configurable/configuration", LocalCloudInstance.Json(update)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var configuration = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            Assert.Equal("blue", configuration.GetProperty("Environment").GetProperty("Variables").GetProperty("COLOUR").GetString());
        }

        var (after, _) = await _cloud.InvokeJsonAsync("configurable", "{}");

        Assert.Equal("blue", after.GetProperty("env").GetProperty("COLOUR").GetString());
        Assert.NotEqual(before.GetProperty("pid").GetInt32(), after.GetProperty("pid").GetInt32());
        Assert.Empty(await Processes.StillRunningAfterAsync([before.GetProperty("pid").GetInt32()], TimeSpan.FromSeconds(5)));
    }

    [PythonFact]
    public async Task A_code_update_runs_the_new_code()
    {
        await _cloud.CreateFunctionAsync("recoded", TestFunction.Inert());

        var update = new Dictionary<string, object?> { ["ZipFile"] = Convert.ToBase64String(TestFunction.Package()) };
        using (var response = await _cloud.Http.PutAsync("/2015-03-31/functions/recoded/code", LocalCloudInstance.Json(update)))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var (answer, error) = await _cloud.InvokeJsonAsync("recoded", """{"x":1}""");

        Assert.Null(error);
        Assert.Equal(1, answer.GetProperty("event").GetProperty("x").GetInt32());
    }
}
