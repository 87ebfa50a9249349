using Microsoft.AspNetCore.Http;
using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Http;

/// <summary>
/// S3's conditional reads: If-Match / If-Unmodified-Since fail with 412, If-None-Match / If-Modified-Since answer
/// 304; an ETag condition that holds overrides the date condition paired with it, as S3 documents.
/// </summary>
internal static class Preconditions
{
    /// <summary>Conditions on a GET or HEAD; throws PreconditionFailed, or says whether to answer 304.</summary>
    public static PreconditionOutcome Evaluate(IHeaderDictionary headers, ObjectInfo info)
    {
        var outcome = Evaluate(
            info,
            headers.IfMatch.ToString(),
            headers.IfNoneMatch.ToString(),
            headers.IfModifiedSince.ToString(),
            headers.IfUnmodifiedSince.ToString());
        return outcome == PreconditionOutcome.Failed ? throw S3Errors.PreconditionFailed() : outcome;
    }

    /// <summary>The <c>x-amz-copy-source-if-*</c> conditions of a copy; any that does not hold fails the copy.</summary>
    public static PreconditionOutcome EvaluateCopySource(IHeaderDictionary headers, ObjectInfo info) => Evaluate(
        info,
        headers["x-amz-copy-source-if-match"].ToString(),
        headers["x-amz-copy-source-if-none-match"].ToString(),
        headers["x-amz-copy-source-if-modified-since"].ToString(),
        headers["x-amz-copy-source-if-unmodified-since"].ToString());

    private static PreconditionOutcome Evaluate(ObjectInfo info, string ifMatch, string ifNoneMatch, string ifModifiedSince, string ifUnmodifiedSince)
    {
        // HTTP dates have whole seconds; compare the object's time at the same precision.
        var modified = DateTimeOffset.FromUnixTimeSeconds(info.LastModified.ToUnixTimeSeconds());
        if (ifMatch.Length > 0)
        {
            if (!Matches(ifMatch, info.ETag))
            {
                return PreconditionOutcome.Failed;
            }
        }
        else if (S3Formats.ParseHttpDate(ifUnmodifiedSince) is { } unmodifiedSince && modified > unmodifiedSince)
        {
            return PreconditionOutcome.Failed;
        }

        if (ifNoneMatch.Length > 0)
        {
            return Matches(ifNoneMatch, info.ETag) ? PreconditionOutcome.NotModified : PreconditionOutcome.Proceed;
        }

        return S3Formats.ParseHttpDate(ifModifiedSince) is { } modifiedSince && modified <= modifiedSince
            ? PreconditionOutcome.NotModified
            : PreconditionOutcome.Proceed;
    }

    private static bool Matches(string header, string etag)
    {
        var bare = etag.Trim('"');
        foreach (var candidate in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var value = candidate.StartsWith("W/", StringComparison.Ordinal) ? candidate[2..] : candidate;
            if (value == "*" || value.Trim('"') == bare)
            {
                return true;
            }
        }

        return false;
    }
}
