using System.Text;

namespace Pipeline.AppHostTests.Infrastructure;

/// <summary>Reads a resource's console as the dashboard shows it.</summary>
internal static class ResourceLogs
{
    /// <summary>Every line so far and each new one, until <paramref name="done"/> says the text is enough.</summary>
    public static async Task<string> WaitUntilAsync(ResourceLoggerService logs, string resource, Func<string, bool> done, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var text = new StringBuilder();
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(cancel.Token))
            {
                foreach (var line in batch)
                {
                    text.AppendLine(line.Content);
                }

                if (done(text.ToString()))
                {
                    return text.ToString();
                }
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
        }

        throw new TimeoutException($"{resource}'s console did not show what was expected within {timeout}. It showed:\n{text}");
    }
}
