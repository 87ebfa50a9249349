namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>Glue's NextToken/MaxResults paging over listings ordered by name.</summary>
internal static class CatalogPaging
{
    private const int DefaultPageSize = 100;

    // The token is the last key of the previous page, so entries created between pages neither repeat nor shift the listing.
    public static CatalogPage<T> Page<T>(IEnumerable<T> items, Func<T, string> key, string? nextToken, int? maxResults)
    {
        if (maxResults is < 1 or > 1000)
        {
            throw GlueErrors.InvalidInput($"1 validation error detected: Value '{maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value between 1 and 1000");
        }

        var size = maxResults ?? DefaultPageSize;
        var ordered = items.OrderBy(key, StringComparer.Ordinal).Where(i => nextToken is null || string.CompareOrdinal(key(i), nextToken) > 0).Take(size + 1).ToList();
        return ordered.Count > size
            ? new CatalogPage<T>(ordered.Take(size).ToList(), key(ordered[size - 1]))
            : new CatalogPage<T>(ordered, null);
    }
}

/// <summary>One page of a listing; <see cref="NextToken"/> is null on the last page.</summary>
internal sealed record CatalogPage<T>(IReadOnlyList<T> Items, string? NextToken);
