using System.Diagnostics;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Configuration;

public sealed class GlueScriptCompiles
{
    [Theory]
    [InlineData("pipeline_etl.py")]
    [InlineData("pipeline_flatten.py")]
    public void EveryPythonFileTheEtlModuleUploadsCompiles(string file)
    {
        var script = Path.Combine(RepositoryPaths.Terraform, "glue", file);
        var compiled = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.pyc");
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[] { "-c", "import sys, py_compile; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)", script, compiled })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();

            Assert.True(process.ExitCode == 0, error);
            Assert.True(File.Exists(compiled), $"py_compile wrote no byte code for {file}");
        }
        finally
        {
            File.Delete(compiled);
        }
    }
}
