using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Pipeline.LocalCloud.Lambda.Execution;

/// <summary>
/// Where function processes' output goes: LocalCloud's log, and, as CloudWatch Logs keeps a log group per function,
/// one file per function under <c>&lt;data-dir&gt;/logs/lambda/</c> (outside the function's own folder, so a redeploy
/// keeps its history). The app host shows each file as the function's console. Each line is also handed to the
/// registered <see cref="IFunctionLogSink"/>s (CloudWatch's embedded metric extraction), after it is kept.
/// </summary>
internal sealed partial class FunctionOutput : IDisposable
{
    /// <summary>A file that grows past this is moved to <c>&lt;function&gt;.1.log</c> and started again.</summary>
    public const long MaxFileBytes = 16L * 1024 * 1024;

    private readonly string _folder;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StreamWriter> _files = new(StringComparer.Ordinal);
    private readonly IFunctionLogSink[] _sinks;
    private bool _disposed;

    public FunctionOutput(string dataDirectory, ILogger logger, TimeProvider time, IEnumerable<IFunctionLogSink>? sinks = null)
    {
        _folder = FolderOf(dataDirectory);
        _logger = logger;
        _time = time;
        _sinks = sinks?.ToArray() ?? [];
    }

    public static string FolderOf(string dataDirectory) => Path.Combine(dataDirectory, "logs", "lambda");

    /// <summary>One line a function process wrote, on stdout or stderr.</summary>
    public void Write(string functionName, string logStreamName, string line)
    {
        LogOutput(_logger, functionName, line);
        var now = _time.GetUtcNow();
        var stamped = string.Create(CultureInfo.InvariantCulture, $"{now:yyyy-MM-ddTHH:mm:ss.fffZ}\t{logStreamName}\t{line}");
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            try
            {
                var writer = WriterFor(functionName);
                writer.WriteLine(stamped);
                if (writer.BaseStream.Length > MaxFileBytes)
                {
                    Rotate(functionName, writer);
                }
            }
            catch (IOException e)
            {
                // The console copy above is kept; a full disk must not take the function down with it.
                LogWriteFailed(_logger, functionName, e.Message);
            }
        }

        foreach (var sink in _sinks)
        {
            try
            {
                sink.Write(functionName, logStreamName, now, line);
            }
            catch (Exception e)
            {
                // A sink's bug must not cost the function its output (this runs on the process's output thread).
                LogSinkFailed(_logger, functionName, sink.GetType().Name, e.Message);
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var writer in _files.Values)
            {
                writer.Dispose();
            }

            _files.Clear();
        }
    }

    private StreamWriter WriterFor(string functionName)
    {
        if (!_files.TryGetValue(functionName, out var writer))
        {
            Directory.CreateDirectory(_folder);
            var stream = new FileStream(PathOf(functionName), FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
            writer = new StreamWriter(stream) { AutoFlush = true };
            _files[functionName] = writer;
        }

        return writer;
    }

    private void Rotate(string functionName, StreamWriter writer)
    {
        writer.Dispose();
        _files.Remove(functionName);
        File.Move(PathOf(functionName), Path.Combine(_folder, functionName + ".1.log"), overwrite: true);
    }

    private string PathOf(string functionName) => Path.Combine(_folder, functionName + ".log");

    [LoggerMessage(Level = LogLevel.Information, Message = "[{FunctionName}] {Line}")]
    private static partial void LogOutput(ILogger logger, string functionName, string line);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{FunctionName}] output not passed to {Sink}: {Reason}")]
    private static partial void LogSinkFailed(ILogger logger, string functionName, string sink, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "[{FunctionName}] output not kept in its log file: {Reason}")]
    private static partial void LogWriteFailed(ILogger logger, string functionName, string reason);
}
