using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.S3.Payload;

namespace Pipeline.LocalCloud.S3.Http;

/// <summary>Reads and writes S3's XML documents.</summary>
internal static class S3Xml
{
    /// <summary>S3's document namespace.</summary>
    public static readonly XNamespace Ns = "http://s3.amazonaws.com/doc/2006-03-01/";

    /// <summary>The largest request document LocalCloud reads (a 1,000-key DeleteObjects fits easily).</summary>
    private const int MaxRequestDocumentBytes = 4 * 1024 * 1024;

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        // Keys may hold characters XML 1.0 cannot carry; S3 sends them as character references, and so do we.
        CheckCharacters = false,
        Indent = false,
    };

    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        CheckCharacters = false,
        Async = true,
    };

    /// <summary>An element in S3's namespace.</summary>
    public static XElement Element(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>The element, or nothing when <paramref name="value"/> is null: S3 leaves out what it has no value for.</summary>
    public static XElement? Optional(string name, string? value) => value is null ? null : Element(name, value);

    /// <summary>Writes <paramref name="document"/> as the response, with S3's headers.</summary>
    public static async Task WriteAsync(HttpContext context, XElement document, int status = StatusCodes.Status200OK)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, WriterSettings))
        {
            writer.WriteStartDocument();
            document.WriteTo(writer);
            writer.WriteEndDocument();
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/xml";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads a request's XML document from <paramref name="body"/>; MalformedXML when it is not one.</summary>
    public static async Task<XDocument> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxRequestDocumentBytes)
            {
                throw S3Errors.MalformedXml();
            }
        }

        buffer.Position = 0;
        try
        {
            using var reader = XmlReader.Create(buffer, ReaderSettings);
            return await XDocument.LoadAsync(reader, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        }
        catch (XmlException)
        {
            throw S3Errors.MalformedXml();
        }
    }

    /// <summary>Reads the request's document (its payload checked like an object's); MalformedXML unless its root is <paramref name="root"/>.</summary>
    public static async Task<XElement> ReadAsync(HttpContext context, string root)
    {
        await using var payload = RequestPayload.Open(context.Request);
        var document = await ReadAsync(payload, context.RequestAborted).ConfigureAwait(false);
        return document.Root is { } element && element.Name.LocalName == root ? element : throw S3Errors.MalformedXml();
    }

    /// <summary>The child elements called <paramref name="name"/>, in S3's namespace or none (clients differ).</summary>
    public static IEnumerable<XElement> Children(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName == name);

    public static string? ChildValue(XElement parent, string name) => Children(parent, name).FirstOrDefault()?.Value;
}

/// <summary>How S3 writes dates, URL-encoded listing values and non-ASCII header values.</summary>
internal static class S3Formats
{
    /// <summary>XML timestamps: ISO-8601 UTC with milliseconds, <c>2026-01-02T03:04:05.000Z</c>.</summary>
    public static string IsoDate(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Header dates (Last-Modified): RFC 1123, <c>Fri, 02 Jan 2026 03:04:05 GMT</c>.</summary>
    public static string HttpDate(DateTimeOffset time) => time.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);

    /// <summary>
    /// A listing value under <c>encoding-type=url</c>: UTF-8 percent-encoding of everything but unreserved characters
    /// and <c>/</c>, which SDKs undo with a URL unquote.
    /// </summary>
    public static string UrlEncode(string value) => PercentEncode(value, "-_.~/", spaceAsPlus: false);

    /// <summary>UTF-8 percent-encoding that keeps ASCII letters, digits and <paramref name="kept"/> as they are.</summary>
    public static string PercentEncode(string value, string kept, bool spaceAsPlus)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || kept.Contains(c, StringComparison.Ordinal))
            {
                builder.Append(c);
            }
            else if (spaceAsPlus && c == ' ')
            {
                builder.Append('+');
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>A header value as HTTP allows it: ASCII as is, anything else RFC 2047-encoded, as S3 sends metadata.</summary>
    public static string HeaderValue(string value)
    {
        foreach (var c in value)
        {
            if (c is < ' ' or > '~' && c != '\t')
            {
                return "=?UTF-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value)) + "?=";
            }
        }

        return value;
    }

    /// <summary>Parses an HTTP date header; null when absent or malformed (S3 then ignores the condition).</summary>
    public static DateTimeOffset? ParseHttpDate(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}
