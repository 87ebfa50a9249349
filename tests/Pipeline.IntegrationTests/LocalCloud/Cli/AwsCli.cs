using System.Diagnostics;

namespace Pipeline.IntegrationTests.LocalCloud.Cli;

/// <summary>Runs the AWS CLI against LocalCloud with throwaway credentials and no user configuration.</summary>
internal sealed class AwsCli(string endpointUrl, string workDirectory)
{
    public async Task<CliResult> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(AwsCliLocator.Path ?? "aws")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpointUrl);
        start.ArgumentList.Add("--output");
        start.ArgumentList.Add("json");
        start.Environment["AWS_ACCESS_KEY_ID"] = "test";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "test";
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = Path.Combine(workDirectory, "no-config");
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(workDirectory, "no-credentials");
        start.Environment["AWS_MAX_ATTEMPTS"] = "1";
        start.Environment["AWS_PAGER"] = string.Empty;

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AWS CLI.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"aws {string.Join(' ', arguments)} did not finish within 60 seconds.");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Writes a JSON file for a <c>file://</c> argument and returns the argument.</summary>
    public string File(string name, string json)
    {
        var path = Path.Combine(workDirectory, name);
        System.IO.File.WriteAllText(path, json);
        return "file://" + path;
    }
}
