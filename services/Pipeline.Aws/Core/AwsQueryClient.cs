using System.Text;
using System.Xml.Linq;

namespace Pipeline.Aws.Core;

/// <summary>
/// A client for one AWS Query-protocol service (SNS): POSTs <c>Action=&lt;Operation&gt;&amp;Version=&lt;ApiVersion&gt;&amp;…</c>
/// form-encoded, signed with SigV4, and reads the XML answer.
/// </summary>
public sealed class AwsQueryClient
{
    /// <summary>The exact Content-Type the Query protocol sends (and signs).</summary>
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>Creates a client for <paramref name="service"/>.</summary>
    public AwsQueryClient(AwsServiceDescriptor service, AwsClientOptions options)
        : this(new AwsTransport(service, options))
    {
    }

    /// <summary>Creates a client over an existing transport.</summary>
    public AwsQueryClient(AwsTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        Transport = transport;
    }

    /// <summary>The transport: service, region and endpoint in use.</summary>
    public AwsTransport Transport { get; }

    /// <summary>
    /// Calls <paramref name="action"/> with <paramref name="parameters"/> (already flattened, e.g.
    /// <c>MessageAttributes.entry.1.Name</c>) and returns the <c>&lt;{Action}Result&gt;</c> element, or the
    /// response root when there is none.
    /// </summary>
    /// <exception cref="AwsServiceException">The service answered with an error (after any retries).</exception>
    public async Task<XElement> SendAsync(
        string action,
        IEnumerable<KeyValuePair<string, string>> parameters,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(parameters);

        var body = Encoding.UTF8.GetBytes(FormEncode(action, Transport.Service.ApiVersion, parameters));
        var response = await Transport.SendAsync(action, body, ContentType, [], AwsQueryErrorParser.Parse, cancellationToken).ConfigureAwait(false);
        var root = AwsXml.Load(response.Body).Root
            ?? throw new FormatException($"{Transport.Service.ServiceId} {action} answered an empty document.");
        return AwsXml.Child(root, action + "Result") ?? root;
    }

    /// <summary>The form body: <c>Action</c> and <c>Version</c> first, then the parameters, RFC 3986-encoded.</summary>
    public static string FormEncode(string action, string version, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var builder = new StringBuilder();
        Append(builder, "Action", action);
        Append(builder, "Version", version);
        foreach (var (name, value) in parameters)
        {
            Append(builder, name, value);
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, string name, string value)
    {
        if (builder.Length > 0)
        {
            builder.Append('&');
        }

        builder.Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
    }
}
