namespace Pipeline.IntegrationTests.LocalCloud.LambdaService.Support;

/// <summary>A function's log file, <c>&lt;data&gt;/logs/lambda/&lt;function&gt;.log</c>, as the app host's console shows it.</summary>
internal static class FunctionLog
{
    public static string PathOf(string dataDirectory, string function) => Path.Combine(dataDirectory, "logs", "lambda", function + ".log");

    /// <summary>The file's text once it holds <paramref name="text"/> (written just after the invocation ends), or after 10 s.</summary>
    public static async Task<string> WaitForAsync(string dataDirectory, string function, string text)
    {
        var path = PathOf(dataDirectory, function);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var content = File.Exists(path) ? await ReadSharedAsync(path) : "";
            if (content.Contains(text, StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return content;
            }

            await Task.Delay(50);
        }
    }

    // LocalCloud keeps the file open for appending.
    private static async Task<string> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
