using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.S3.Http;
using Pipeline.LocalCloud.S3.Payload;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Operations;

/// <summary>DeleteObjects (<c>POST /bucket?delete</c>): up to 1,000 keys, each reported deleted or failed.</summary>
internal sealed class DeleteObjectsOperation(IObjectStore store)
{
    private const int MaxObjects = 1000;

    public async Task HandleAsync(HttpContext context, string bucket)
    {
        if (!await store.BucketExistsAsync(bucket, context.RequestAborted).ConfigureAwait(false))
        {
            throw S3Errors.NoSuchBucket(bucket);
        }

        XDocument document;
        await using (var payload = RequestPayload.Open(context.Request))
        {
            document = await S3Xml.ReadAsync(payload, context.RequestAborted).ConfigureAwait(false);
        }

        var root = document.Root;
        if (root is null || root.Name.LocalName != "Delete")
        {
            throw S3Errors.MalformedXml();
        }

        var quiet = string.Equals(S3Xml.ChildValue(root, "Quiet")?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
        var requested = S3Xml.Children(root, "Object")
            .Select(o => (Key: S3Xml.ChildValue(o, "Key"), VersionId: S3Xml.ChildValue(o, "VersionId")))
            .ToList();
        if (requested.Count is 0 or > MaxObjects || requested.Any(o => o.Key is null))
        {
            throw S3Errors.MalformedXml();
        }

        var results = new List<XElement>(requested.Count);
        foreach (var (key, versionId) in requested)
        {
            if (!FileObjectStore.IsValidKey(key!))
            {
                results.Add(Error(key!, "KeyTooLongError", "Your key is too long"));
                continue;
            }

            if (versionId is not null && versionId != "null")
            {
                results.Add(Error(key!, "NoSuchVersion", "The specified version does not exist."));
                continue;
            }

            await store.DeleteObjectAsync(bucket, key!, context.RequestAborted).ConfigureAwait(false);
            if (!quiet)
            {
                results.Add(S3Xml.Element("Deleted", S3Xml.Element("Key", key)));
            }
        }

        await S3Xml.WriteAsync(context, S3Xml.Element("DeleteResult", results)).ConfigureAwait(false);
    }

    private static XElement Error(string key, string code, string message) => S3Xml.Element(
        "Error",
        S3Xml.Element("Key", key),
        S3Xml.Element("Code", code),
        S3Xml.Element("Message", message));
}
