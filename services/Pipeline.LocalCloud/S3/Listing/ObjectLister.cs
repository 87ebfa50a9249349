using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Listing;

/// <summary>
/// S3's listing semantics over <see cref="IObjectStore.ListObjectsAsync"/>: keys under a prefix after a marker, rolled
/// up into common prefixes at the first delimiter after the prefix, up to max-keys entries (keys and common prefixes
/// count alike). A marker skips every entry, key or common prefix, that sorts at or before it, so passing the last
/// entry of a page continues exactly after it.
/// </summary>
internal sealed class ObjectLister(IObjectStore store, int pageSize = 1000)
{
    public async Task<ListingPage> ListAsync(
        string bucket,
        string prefix,
        string? delimiter,
        string? marker,
        int maxKeys,
        CancellationToken cancellationToken = default)
    {
        var contents = new List<ObjectInfo>();
        var commonPrefixes = new List<string>();
        if (maxKeys <= 0)
        {
            // Even for an empty page S3 checks the bucket.
            await store.ListObjectsAsync(bucket, prefix, marker, 0, cancellationToken).ConfigureAwait(false);
            return new ListingPage(contents, commonPrefixes, IsTruncated: false, LastEntry: null);
        }

        var cursor = string.IsNullOrEmpty(marker) ? null : marker;
        string? lastPrefix = null;
        string? lastEntry = null;
        while (true)
        {
            var batch = await store.ListObjectsAsync(bucket, prefix, cursor, pageSize, cancellationToken).ConfigureAwait(false);
            foreach (var item in batch)
            {
                var rolledUp = RollUp(item.Key, prefix, delimiter);
                if (rolledUp is not null)
                {
                    if (rolledUp == lastPrefix || (marker is not null && Utf8Order.Compare(rolledUp, marker) <= 0))
                    {
                        lastPrefix = rolledUp;
                        continue;
                    }

                    if (contents.Count + commonPrefixes.Count == maxKeys)
                    {
                        return new ListingPage(contents, commonPrefixes, IsTruncated: true, lastEntry);
                    }

                    commonPrefixes.Add(rolledUp);
                    lastPrefix = rolledUp;
                    lastEntry = rolledUp;
                    continue;
                }

                if (contents.Count + commonPrefixes.Count == maxKeys)
                {
                    return new ListingPage(contents, commonPrefixes, IsTruncated: true, lastEntry);
                }

                contents.Add(item);
                lastEntry = item.Key;
            }

            if (batch.Count < pageSize)
            {
                return new ListingPage(contents, commonPrefixes, IsTruncated: false, lastEntry);
            }

            cursor = batch[^1].Key;
            if (lastPrefix is not null && cursor.StartsWith(lastPrefix, StringComparison.Ordinal))
            {
                // Skip the rest of a rolled-up group instead of reading every key in it.
                var skip = Utf8Order.AfterPrefix(lastPrefix);
                if (Utf8Order.Compare(skip, cursor) > 0)
                {
                    cursor = skip;
                }
            }
        }
    }

    /// <summary>The common prefix <paramref name="key"/> rolls up into, or null when it is listed as itself.</summary>
    internal static string? RollUp(string key, string prefix, string? delimiter)
    {
        if (string.IsNullOrEmpty(delimiter))
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }
}
