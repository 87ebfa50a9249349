using System.ComponentModel;
using System.Diagnostics;

namespace Pipeline.UnitTests.GlueScript;

/// <summary>One finished <c>python3</c> process: its exit code and everything it printed.</summary>
public sealed record PythonRun(int ExitCode, string Output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <c>python3</c> in <paramref name="workingDirectory"/>; null when python3 is not installed.</summary>
    public static async Task<PythonRun?> StartAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("python3", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        // Bytecode goes to a throwaway folder so running the tests leaves the checkout clean.
        start.Environment["PYTHONPYCACHEPREFIX"] = Path.Combine(Path.GetTempPath(), "pipeline-pycache");
        start.Environment["PYTHONIOENCODING"] = "utf-8";

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception)
        {
            return null;
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            try
            {
                await process.WaitForExitAsync().WaitAsync(Timeout);
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                return new PythonRun(-1, $"python3 {string.Join(' ', arguments)} did not finish within {Timeout}.");
            }

            return new PythonRun(process.ExitCode, (await stdout) + (await stderr));
        }
    }
}
