using System.Net.Sockets;
using System.Text;

namespace Pipeline.IntegrationTests.LocalCloud.S3.Support;

/// <summary>
/// Sends a request line exactly as written. HttpClient normalises <c>..</c> segments and re-encodes paths, which
/// would hide the very targets a path-traversal test must send.
/// </summary>
internal static class RawHttp
{
    public static async Task<RawResponse> SendAsync(Uri endpoint, string method, string rawTarget, byte[]? body = null, params (string Name, string Value)[] headers)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint.Host, endpoint.Port);
        await using var stream = client.GetStream();
        var request = new StringBuilder()
            .Append(method).Append(' ').Append(rawTarget).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(endpoint.Authority).Append("\r\n")
            .Append("Connection: close\r\n")
            .Append("Content-Length: ").Append(body?.Length ?? 0).Append("\r\n");
        foreach (var (name, value) in headers)
        {
            request.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        request.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request.ToString()));
        if (body is not null)
        {
            await stream.WriteAsync(body);
        }

        using var response = new MemoryStream();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await stream.CopyToAsync(response, timeout.Token);
        var text = Encoding.UTF8.GetString(response.ToArray());
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var statusLine = text[..text.IndexOf("\r\n", StringComparison.Ordinal)];
        return new RawResponse(int.Parse(statusLine.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), headerEnd < 0 ? "" : text[(headerEnd + 4)..]);
    }
}
