using System.Globalization;
using DuckDB.NET.Data;

namespace Pipeline.DuckDb;

/// <summary>Opens DuckDB databases that never reach for the network.</summary>
public static class DuckDbConnections
{
    /// <summary>
    /// Opens a connection to a new in-memory database of its own. Extensions that are not built in are never
    /// installed (<c>autoinstall_known_extensions=false</c>), so an <c>s3://</c> or <c>https://</c> path fails
    /// with an "Extension Autoloading Error" naming httpfs instead of downloading it; json and parquet are built in.
    /// </summary>
    /// <param name="threads">DuckDB's <c>threads</c>; its default is one per core.</param>
    /// <param name="memoryLimit">DuckDB's <c>memory_limit</c>, for example "1GB"; its default is 80% of RAM.</param>
    /// <param name="tempDirectory">Where DuckDB spills to disk (<c>temp_directory</c>).</param>
    /// <exception cref="DuckDBException">DuckDB could not open the database or rejected a setting.</exception>
    public static DuckDBConnection OpenInMemory(int? threads = null, string? memoryLimit = null, string? tempDirectory = null)
    {
        var settings = new DuckDBConnectionStringBuilder { DataSource = DuckDBConnectionStringBuilder.InMemoryDataSource };
        settings["autoinstall_known_extensions"] = "false";
        settings["autoload_known_extensions"] = "true";
        if (threads is { } count)
        {
            settings["threads"] = count.ToString(CultureInfo.InvariantCulture);
        }

        if (memoryLimit is not null)
        {
            settings["memory_limit"] = memoryLimit;
        }

        if (tempDirectory is not null)
        {
            settings["temp_directory"] = tempDirectory;
        }

        var connection = new DuckDBConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
