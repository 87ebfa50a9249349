using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;

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

    /// <summary>The child elements called <paramref name="name"/>, in S3's namespace or none (clients differ).</summary>
    public static IEnumerable<XElement> Children(XElement parent, string name) =>
        parent.Elements().Where(e => e.Name.LocalName == name);

    public static string? ChildValue(XElement parent, string name) => Children(parent, name).FirstOrDefault()?.Value;
}
