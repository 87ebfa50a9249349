namespace Pipeline.Aws.Glue;

/// <summary>Pagination over <see cref="IGlueClient"/>'s paged operations.</summary>
public static class GlueClientExtensions
{
    /// <summary>Every partition of a table that matches <paramref name="expression"/>, following NextToken.</summary>
    public static async Task<IReadOnlyList<Partition>> GetAllPartitionsAsync(
        this IGlueClient glue,
        string databaseName,
        string tableName,
        string? expression = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(glue);
        var all = new List<Partition>();
        string? token = null;
        do
        {
            var page = await glue.GetPartitionsAsync(databaseName, tableName, expression, token, null, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Partitions ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return all;
    }

    /// <summary>Every table of a database, following NextToken.</summary>
    public static async Task<IReadOnlyList<Table>> GetAllTablesAsync(
        this IGlueClient glue,
        string databaseName,
        string? expression = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(glue);
        var all = new List<Table>();
        string? token = null;
        do
        {
            var page = await glue.GetTablesAsync(databaseName, expression, token, null, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.TableList ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);

        return all;
    }
}
