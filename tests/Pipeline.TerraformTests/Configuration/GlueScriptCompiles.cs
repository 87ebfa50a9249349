using System.Diagnostics;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class GlueScriptCompiles
{
    [Fact]
    public void ThePythonScriptTheEtlModuleUploadsCompiles()
    {
        var script = Path.Combine(RepositoryPaths.Terraform, "glue", "pipeline_etl.py");

        // The script comes from the catalog/ETL work on its own branch; until it is merged there is nothing to compile.
        if (!File.Exists(script))
        {
            return;
        }

        var start = new ProcessStartInfo("python3") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-c", "import sys, py_compile; py_compile.compile(sys.argv[1], cfile='/dev/null', doraise=True)", script })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();

        Assert.True(process.ExitCode == 0, error);
    }
}
