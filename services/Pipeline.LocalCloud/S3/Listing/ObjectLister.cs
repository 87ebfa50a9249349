using System.Text;
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

/// <summary>
/// One page of a listing. <see cref="LastEntry"/> is the last key or common prefix returned, from which the next page
/// continues (it becomes NextMarker or, encoded, NextContinuationToken).
/// </summary>
internal sealed record ListingPage(
    IReadOnlyList<ObjectInfo> Contents,
    IReadOnlyList<string> CommonPrefixes,
    bool IsTruncated,
    string? LastEntry)
{
    public int KeyCount => Contents.Count + CommonPrefixes.Count;
}

/// <summary>
/// S3's key order: UTF-8 bytes compared as unsigned bytes, which is code-point order. Ordinal string comparison
/// differs for characters above U+FFFF (surrogates sort below U+E000–U+FFFF in UTF-16).
/// </summary>
internal static class Utf8Order
{
    public static int Compare(string left, string right)
    {
        var a = left.AsSpan();
        var b = right.AsSpan();
        while (!a.IsEmpty && !b.IsEmpty)
        {
            Rune.DecodeFromUtf16(a, out var ra, out var na);
            Rune.DecodeFromUtf16(b, out var rb, out var nb);
            if (ra.Value != rb.Value)
            {
                return ra.Value.CompareTo(rb.Value);
            }

            a = a[na..];
            b = b[nb..];
        }

        return a.Length.CompareTo(b.Length);
    }

    /// <summary>A string that sorts after every key starting with <paramref name="prefix"/> except ones continuing with U+10FFFF.</summary>
    public static string AfterPrefix(string prefix) => prefix + char.ConvertFromUtf32(0x10FFFF);
}

/// <summary>
/// ListObjectsV2 continuation tokens: opaque to clients, here the base64url of the last key or common prefix returned.
/// </summary>
internal static class ContinuationTokens
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Encode(string lastEntry) =>
        Convert.ToBase64String(StrictUtf8.GetBytes(lastEntry)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The entry a token continues after; throws InvalidArgument for a token LocalCloud did not issue.</summary>
    public static string Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var decoded = StrictUtf8.GetString(Convert.FromBase64String(base64));
            if (decoded.Length > 0)
            {
                return decoded;
            }
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
        }

        throw S3Errors.InvalidArgument("The continuation token provided is incorrect");
    }
}
