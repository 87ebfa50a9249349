using System.Diagnostics;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class PackagingScriptIsValid
{
    private static readonly string Script = RepositoryPaths.Combine("build", "package-functions.sh");

    [Fact]
    public void BashAcceptsItsSyntax()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-n");
        start.ArgumentList.Add(Script);

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
    }

    [Fact]
    public void ItPackagesEveryFunctionTheEnvironmentDeploys()
    {
        var text = File.ReadAllText(Script);

        Problems.AssertNone(FunctionProjects.ByFunction
            .Where(f => !text.Contains($"{f.Key}:{f.Value}", StringComparison.Ordinal))
            .Select(f => $"build/package-functions.sh does not package {f.Key} from services/{f.Value}"));
    }
}
