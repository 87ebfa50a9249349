using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pipeline.LocalCloud.Glue.Catalog;
using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Processes;

namespace Pipeline.LocalCloud.Glue.Jobs;

/// <summary>
/// A job script run as a process, as Glue runs a Python script: the program configured for the script's file name
/// (<c>LocalCloud:Glue:Scripts:&lt;file name&gt;</c>; a <c>.dll</c> runs with <c>dotnet</c>) started with Glue's
/// arguments (<c>--JOB_ID</c>, <c>--JOB_RUN_ID</c>, <c>--JOB_NAME</c>, then the run's <c>--key value</c> pairs) and an
/// environment pointing the AWS SDKs at LocalCloud. Its stdout and stderr go to the run's log; exit code 0 is
/// SUCCEEDED, any other fails the run with the last line of stderr. docs/local-glue-jobs.md.
/// </summary>
internal sealed class ScriptProcess(
    string fileName,
    string command,
    LocalCloudOptions cloud,
    Func<string> endpointUrl,
    IReadOnlyDictionary<string, string> host) : IGlueJobScript
{
    /// <summary>
    /// Set to <c>stdin</c> for the script: its stdin is a pipe LocalCloud holds open and never writes, so the end of
    /// stdin means LocalCloud is gone (even by <c>kill -9</c>), and the script must end too.
    /// </summary>
    public const string LifelineVariable = "LOCALCLOUD_LIFELINE";

    /// <summary>Set to the armed fault point's name (crash tests only).</summary>
    public const string FaultPointVariable = "LOCALCLOUD_FAULT_POINT";

    /// <summary>A script that reaches the fault point it was given prints this and the point's name, then waits to be killed.</summary>
    public const string FaultPointReached = "LOCALCLOUD_FAULT_POINT_REACHED ";

    // Time for a stopped script to end on SIGTERM before it is killed.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    public string FileName => fileName;

    /// <summary>The folder every script gets as its TMPDIR and working directory: under the data directory, shared by all runs.</summary>
    public static string TempDirectory(string dataDirectory) => Path.Combine(dataDirectory, GlueCatalog.Folder, "job-temp");

    /// <summary>Glue's job id for a job name: <c>j_</c> and 64 hex digits.</summary>
    public static string JobId(string jobName) => "j_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(jobName)));

    public async Task RunAsync(JobRunContext run, CancellationToken cancellationToken)
    {
        var start = StartInfo(run);
        using var process = new Process { StartInfo = start };
        string? lastError = null;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                run.Log.Write(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { } line)
            {
                return;
            }

            run.Log.Write(line);
            if (line.StartsWith(FaultPointReached, StringComparison.Ordinal) && FaultInjection.Parse(line[FaultPointReached.Length..].Trim()) is { } point)
            {
                FaultInjection.Reached(point);
            }
            else if (line.Trim().Length > 0)
            {
                lastError = line.Trim();
            }
        };

        try
        {
            process.Start();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"Could not start '{command}' for {fileName}: {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Also waits for the last lines of output.
        var exited = process.WaitForExitAsync(CancellationToken.None);
        try
        {
            await exited.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await ProcessTree.StopAsync(process.Id, exited, StopGrace, () => ProcessTree.Kill(process)).ConfigureAwait(false);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(lastError ?? $"{fileName} exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    private ProcessStartInfo StartInfo(JobRunContext run)
    {
        var temp = TempDirectory(cloud.DataDirectory);
        Directory.CreateDirectory(temp);
        var start = command.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)
            ? new ProcessStartInfo(DotnetHost()) { ArgumentList = { command } }
            : new ProcessStartInfo(command);
        start.UseShellExecute = false;
        start.WorkingDirectory = temp;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var argument in new[] { "--JOB_ID", JobId(run.JobName), "--JOB_RUN_ID", run.JobRunId, "--JOB_NAME", run.JobName })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in run.Arguments)
        {
            start.ArgumentList.Add(key);
            start.ArgumentList.Add(value);
        }

        var environment = ChildEnvironment.Inherit(host, endpointUrl(), run.JobName);
        ChildEnvironment.SetAws(environment, cloud.Region);
        environment["TMPDIR"] = temp;
        environment[LifelineVariable] = "stdin";
        if (Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity)
        {
            // The OpenTelemetry convention for handing a trace to a child process.
            environment["TRACEPARENT"] = activity.Id!;
        }

        if (FaultInjection.Armed is { } point)
        {
            environment[FaultPointVariable] = point.ToString();
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    // The dotnet running LocalCloud, when it runs as a .dll; else the one on PATH.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
}
