using System.Xml;
using System.Xml.Linq;

namespace Pipeline.Aws.Core;

/// <summary>Namespace-agnostic helpers for the Query protocol's XML.</summary>
internal static class AwsXml
{
    private static readonly XmlReaderSettings Settings = new()
    {
        // Response bodies are untrusted input: no DTDs, no entity expansion.
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
    };

    public static XDocument Load(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader);
    }

    public static XElement? Child(XElement? parent, string localName) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    public static string? ChildValue(XElement? parent, string localName) => Child(parent, localName)?.Value;
}
