using System.Diagnostics;

namespace Pipeline.TerraformTests.Support;

/// <summary>Runs one of the Node.js scripts of tests/terraform-checks, whose npm packages .ci/run installs.</summary>
public static class NodeScript
{
    public static string Folder => RepositoryPaths.Combine("tests", "terraform-checks");

    /// <summary>Runs <paramref name="script"/> with <paramref name="arguments"/> and returns what it wrote to stdout.</summary>
    public static string Run(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@cdktf")))
        {
            throw new InvalidOperationException(
                "The Terraform checks' npm packages are not installed: run `npm ci --prefix tests/terraform-checks --no-audit --no-fund` (.ci/run does).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(Folder, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{script} failed ({process.ExitCode}): {error.Result}");
        }

        return output;
    }
}
