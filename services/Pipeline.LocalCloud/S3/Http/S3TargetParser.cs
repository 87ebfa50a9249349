using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Pipeline.LocalCloud.S3.Http;

/// <summary>
/// Finds the bucket and key of a request, path-style (<c>/bucket/key</c>) or virtual-hosted
/// (<c>Host: bucket.localhost[:port]</c> or <c>bucket.s3.localhost</c>). Works on the raw request target, because the
/// server's decoded path normalises <c>..</c> segments and keeps <c>%2F</c> encoded, and a key is taken literally.
/// </summary>
internal static class S3TargetParser
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static S3Target Parse(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw))
        {
            raw = context.Request.PathBase.Add(context.Request.Path).ToUriComponent();
        }

        return Parse(raw, context.Request.Host.Host);
    }

    /// <summary>Parses a raw request target (origin- or absolute-form) with the Host header's host name.</summary>
    public static S3Target Parse(string rawTarget, string? host)
    {
        var path = PathOf(rawTarget);
        var virtualBucket = BucketFromHost(host);
        if (virtualBucket is not null)
        {
            var key = Decode(path[1..]);
            return new S3Target(virtualBucket, key.Length == 0 ? null : key);
        }

        var rest = path[1..];
        if (rest.Length == 0)
        {
            return new S3Target(null, null);
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return new S3Target(Decode(rest), null);
        }

        var objectKey = Decode(rest[(slash + 1)..]);
        return new S3Target(Decode(rest[..slash]), objectKey.Length == 0 ? null : objectKey);
    }

    /// <summary>The bucket named by a virtual-hosted-style host, or null for path style.</summary>
    public static string? BucketFromHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        host = host.ToLowerInvariant();
        foreach (var suffix in (ReadOnlySpan<string>)[".s3.localhost", ".localhost"])
        {
            if (host.EndsWith(suffix, StringComparison.Ordinal) && host.Length > suffix.Length)
            {
                var bucket = host[..^suffix.Length];
                // s3.localhost itself is the service endpoint, not a bucket called "s3".
                return suffix == ".localhost" && bucket == "s3" ? null : bucket;
            }
        }

        return null;
    }

    /// <summary>Percent-decodes a path component as UTF-8; '+' stays '+' in a path.</summary>
    public static string Decode(string component)
    {
        if (!component.Contains('%', StringComparison.Ordinal))
        {
            return component;
        }

        var bytes = new List<byte>(component.Length);
        Span<byte> scratch = stackalloc byte[4];
        for (var i = 0; i < component.Length; i++)
        {
            var c = component[i];
            if (c == '%' && i + 2 < component.Length && IsHex(component[i + 1]) && IsHex(component[i + 2]))
            {
                bytes.Add(Convert.ToByte(component.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }

            if (c == '%')
            {
                throw S3Errors.InvalidUri();
            }

            if (!Rune.TryGetRuneAt(component, i, out var rune))
            {
                throw S3Errors.InvalidUri();
            }

            var written = rune.EncodeToUtf8(scratch);
            for (var j = 0; j < written; j++)
            {
                bytes.Add(scratch[j]);
            }

            i += rune.Utf16SequenceLength - 1;
        }

        try
        {
            return StrictUtf8.GetString(bytes.ToArray());
        }
        catch (DecoderFallbackException)
        {
            throw S3Errors.InvalidUri();
        }
    }

    private static string PathOf(string rawTarget)
    {
        var target = rawTarget;
        var scheme = target.IndexOf("://", StringComparison.Ordinal);
        if (scheme > 0 && target.IndexOf('/', StringComparison.Ordinal) > scheme)
        {
            var pathStart = target.IndexOf('/', scheme + 3);
            target = pathStart < 0 ? "/" : target[pathStart..];
        }

        var query = target.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            target = target[..query];
        }

        return target.StartsWith('/') ? target : "/" + target;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);
}

/// <summary>What a request addresses: the service (no bucket), a bucket, or an object (bucket and key).</summary>
internal sealed record S3Target(string? Bucket, string? Key);
