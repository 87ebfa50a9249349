namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>One page of a listing; <see cref="NextToken"/> is null on the last page.</summary>
internal sealed record CatalogPage<T>(IReadOnlyList<T> Items, string? NextToken);
