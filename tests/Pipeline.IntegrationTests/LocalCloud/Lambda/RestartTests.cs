using System.Text.Json;
using Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

namespace Pipeline.IntegrationTests.LocalCloud.LambdaService;

/// <summary>Functions are kept in the data directory: a LocalCloud started on it again serves them.</summary>
public sealed class RestartTests
{
    [PythonFact]
    public async Task A_function_created_before_a_restart_is_invoked_after_it()
    {
        var data = Directory.CreateTempSubdirectory("localcloud-lambda-restart-").FullName;
        try
        {
            string sha;
            await using (var first = await LocalCloudInstance.StartAsync(data))
            {
                var created = await first.CreateFunctionAsync("survivor", environment: new Dictionary<string, string> { ["KEPT"] = "yes" });
                sha = created.GetProperty("CodeSha256").GetString()!;
            }

            await using var second = await LocalCloudInstance.StartAsync(data);
            var (answer, error) = await second.InvokeJsonAsync("survivor", "{}");
            var fetched = JsonDocument.Parse(await second.Http.GetStringAsync("/2015-03-31/functions/survivor")).RootElement;

            Assert.Null(error);
            Assert.Equal("yes", answer.GetProperty("env").GetProperty("KEPT").GetString());
            Assert.Equal(sha, fetched.GetProperty("Configuration").GetProperty("CodeSha256").GetString());
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
