using Microsoft.Extensions.Logging;

namespace Pipeline.AppHost.Functions;

/// <summary>
/// Follows a function's log file, which LocalCloud writes as CloudWatch Logs keeps a function's log group
/// (<c>&lt;data-dir&gt;/logs/lambda/&lt;function&gt;.log</c>: time, log stream, line), into the function resource's console.
/// </summary>
public static class FunctionLogTail
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);

    /// <summary>The file LocalCloud keeps the function's output in.</summary>
    public static string PathOf(string dataDirectory, string functionName) =>
        Path.Combine(dataDirectory, "logs", "lambda", functionName + ".log");

    public static async Task FollowAsync(LambdaFunctionResource function, string dataDirectory, ILogger console, CancellationToken stoppingToken)
    {
        var path = PathOf(dataDirectory, function.AwsName);
        long position = File.Exists(path) ? new FileInfo(path).Length : 0;
        var partial = "";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (File.Exists(path))
                {
                    var length = new FileInfo(path).Length;
                    if (length < position)
                    {
                        // Rotated (moved to .1.log) and started again.
                        position = 0;
                    }

                    if (length > position)
                    {
                        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                        stream.Position = position;
                        using var reader = new StreamReader(stream);
                        var text = partial + await reader.ReadToEndAsync(stoppingToken);
                        position = stream.Position;
                        var end = text.LastIndexOf('\n');
                        partial = end < 0 ? text : text[(end + 1)..];
                        if (end >= 0)
                        {
                            foreach (var line in text[..end].Split('\n'))
                            {
                                Write(console, line);
                            }
                        }
                    }
                }

                await Task.Delay(Poll, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (IOException)
            {
                await Task.Delay(Poll, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    // "<time>\t<log stream>\t<line>": the console has its own timestamps, so only the line (with its stream when
    // several execution environments run at once) is shown.
    private static void Write(ILogger console, string entry)
    {
        var parts = entry.Split('\t', 3);
        var line = parts.Length == 3 ? parts[2] : entry;
        console.LogInformation("{Line}", line);
    }
}
