using Pipeline.LocalCloud.Storage;

namespace Pipeline.LocalCloud.S3.Listing;

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
