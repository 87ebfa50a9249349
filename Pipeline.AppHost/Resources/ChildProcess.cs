using System.Diagnostics;

namespace Pipeline.AppHost.Resources;

/// <summary>
/// A program the app host runs and supervises: its output streamed with a prefix naming the resource, a graceful
/// stop (SIGINT, then kill after a grace period), and nothing left behind when the app host ends.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TextWriter _output;

    private ChildProcess(string name, Process process, TextWriter output)
    {
        Name = name;
        _process = process;
        _output = output;
        Exited = process.WaitForExitAsync();
    }

    public string Name { get; }

    public Task Exited { get; }

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ChildProcess StartDotnet(string name, string assemblyPath, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, TextWriter output)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var child = new ChildProcess(name, process, output);
        process.OutputDataReceived += (_, e) => child.Write(e.Data);
        process.ErrorDataReceived += (_, e) => child.Write(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Asks the program to stop (SIGTERM: SIGINT may be ignored by background jobs), and kills it after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var signal = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            signal?.WaitForExit();
        }

        if (await Task.WhenAny(Exited, Task.Delay(grace)) != Exited)
        {
            _process.Kill(entireProcessTree: true);
            await Exited;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }

    private void Write(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.WriteLine($"[{Name}] {line}");
            }
        }
    }
}
