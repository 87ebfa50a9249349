using Pipeline.AwsShapes.Glue;

namespace Pipeline.LocalCloud.Glue.Catalog;

/// <summary>
/// The Glue Data Catalog in process: what the Glue API serves, and what the crawler and the Athena engine read and
/// write without HTTP. Names are matched case-insensitively and stored lower-cased, as Glue does. Failures are
/// <see cref="Hosting.AwsServiceException"/>s with Glue's codes (EntityNotFoundException, AlreadyExistsException,
/// InvalidInputException).
/// </summary>
internal interface IGlueCatalog
{
    Task<Database> CreateDatabaseAsync(DatabaseInput input, CancellationToken cancellationToken = default);

    Task<Database> GetDatabaseAsync(string name, CancellationToken cancellationToken = default);

    /// <param name="nextToken">The token of the previous page, or null for the first.</param>
    /// <param name="maxResults">1–1000; null for Glue's default of 100.</param>
    Task<CatalogPage<Database>> GetDatabasesAsync(string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes the database with its tables and their partitions.</summary>
    Task DeleteDatabaseAsync(string name, CancellationToken cancellationToken = default);

    Task<Table> CreateTableAsync(string databaseName, TableInput input, CancellationToken cancellationToken = default);

    Task<Table> GetTableAsync(string databaseName, string name, CancellationToken cancellationToken = default);

    /// <param name="expression">A regular expression the whole table name must match (case-insensitively); <c>*</c> alone matches all.</param>
    Task<CatalogPage<Table>> GetTablesAsync(string databaseName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the table's definition, keeping its creation time and partitions.</summary>
    Task<Table> UpdateTableAsync(string databaseName, TableInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes the table with its partitions.</summary>
    Task DeleteTableAsync(string databaseName, string name, CancellationToken cancellationToken = default);

    /// <summary>Creates the partitions it can; the others (duplicates, wrong value counts) come back as errors, as in Glue.</summary>
    Task<IReadOnlyList<PartitionError>> BatchCreatePartitionAsync(string databaseName, string tableName, IReadOnlyList<PartitionInput> partitions, CancellationToken cancellationToken = default);

    Task<Partition> GetPartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, CancellationToken cancellationToken = default);

    /// <summary>The partitions that exist among <paramref name="values"/>, in request order.</summary>
    Task<IReadOnlyList<Partition>> BatchGetPartitionAsync(string databaseName, string tableName, IReadOnlyList<IReadOnlyList<string>> values, CancellationToken cancellationToken = default);

    /// <param name="expression">A predicate over partition keys such as <c>year='2026' AND month='01'</c>; see <see cref="PartitionExpression"/>.</param>
    Task<CatalogPage<Partition>> GetPartitionsAsync(string databaseName, string tableName, string? expression = null, string? nextToken = null, int? maxResults = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces a partition's storage descriptor and parameters, keeping its values and creation time.</summary>
    Task<Partition> UpdatePartitionAsync(string databaseName, string tableName, IReadOnlyList<string> values, PartitionInput input, CancellationToken cancellationToken = default);

    /// <summary>Deletes the partitions that exist among <paramref name="values"/>; the missing ones come back as EntityNotFoundException errors, as in Glue.</summary>
    Task<IReadOnlyList<PartitionError>> BatchDeletePartitionAsync(string databaseName, string tableName, IReadOnlyList<IReadOnlyList<string>> values, CancellationToken cancellationToken = default);
}
