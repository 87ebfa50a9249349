using System.Text.RegularExpressions;
using DuckDB.NET.Data;
using Pipeline.LocalCloud.Athena.Sql;

namespace Pipeline.LocalCloud.Athena.Engine;

/// <summary>DuckDB's errors as Athena words the same failures (Trino's error names, <c>line L:C</c> positions).</summary>
internal static partial class DuckDbErrors
{
    /// <summary>DuckDB.NET's refusal of a statement whose placeholders got no values, as Trino words it; null for any other error.</summary>
    public static AthenaQueryException? ParameterCount(InvalidOperationException error) =>
        ParameterCountMismatch().Match(error.Message) is { Success: true } match
            ? QueryErrors.Analysis($"INVALID_PARAMETER_USAGE: line 1:1: Incorrect number of parameters: expected {match.Groups[1].Value} but found {match.Groups[2].Value}")
            : null;

    /// <param name="shift">Characters DuckDB's statement had before <paramref name="sql"/> on its first line.</param>
    public static AthenaQueryException Translate(DuckDBException error, string sql, int shift = 0)
    {
        var message = error.Message;
        var newline = message.IndexOf('\n', StringComparison.Ordinal);
        var first = newline < 0 ? message : message[..newline];
        var colon = first.IndexOf(": ", StringComparison.Ordinal);
        var kind = colon < 0 ? "" : first[..colon];
        var text = colon < 0 ? first : first[(colon + 2)..];
        var position = Position(message, sql, shift);

        Match match;
        if ((match = ColumnNotFound().Match(text)).Success)
        {
            return QueryErrors.Analysis($"COLUMN_NOT_FOUND: {position}: Column '{match.Groups[1].Value}' cannot be resolved or requester is not authorized to access requested resources");
        }

        if ((match = FunctionNotFound().Match(text)).Success)
        {
            return QueryErrors.Analysis($"FUNCTION_NOT_FOUND: {position}: Function '{match.Groups[1].Value}' not registered");
        }

        if ((match = TableNotFound().Match(text)).Success)
        {
            return QueryErrors.Analysis($"TABLE_NOT_FOUND: {position}: Table '{match.Groups[1].Value}' does not exist");
        }

        if (kind == "Conversion Error" && (match = CastFailure().Match(text)).Success)
        {
            var target = match.Groups[2].Value switch
            {
                "INT8" => "TINYINT",
                "INT16" => "SMALLINT",
                "INT32" => "INT",
                "INT64" => "BIGINT",
                var other => other,
            };
            return QueryErrors.Data($"INVALID_CAST_ARGUMENT: Cannot cast '{match.Groups[1].Value}' to {target}");
        }

        return kind switch
        {
            "Parser Error" => QueryErrors.Analysis($"{position}: {text}"),
            "Binder Error" when text.StartsWith("No function matches", StringComparison.Ordinal) || text.Contains("type", StringComparison.OrdinalIgnoreCase) =>
                QueryErrors.Analysis($"TYPE_MISMATCH: {position}: {text}"),
            "Binder Error" or "Catalog Error" or "Not implemented Error" => QueryErrors.Analysis($"SYNTAX_ERROR: {position}: {text}"),
            "Conversion Error" => QueryErrors.Data($"INVALID_CAST_ARGUMENT: {text}"),
            "Out of Range Error" when text.Contains("zero", StringComparison.OrdinalIgnoreCase) => QueryErrors.Data("DIVISION_BY_ZERO: Division by zero"),
            "Out of Range Error" => QueryErrors.Data($"NUMERIC_VALUE_OUT_OF_RANGE: {text}"),
            "Invalid Input Error" => QueryErrors.Data($"HIVE_CURSOR_ERROR: {text}"),
            "IO Error" => QueryErrors.Data($"HIVE_CANNOT_OPEN_SPLIT: {text}"),
            "Invalid Error" when text.Contains("zero", StringComparison.OrdinalIgnoreCase) => QueryErrors.Data("DIVISION_BY_ZERO: Division by zero"),
            _ => QueryErrors.Internal($"GENERIC_INTERNAL_ERROR: {text}"),
        };
    }

    /// <summary>The <c>line L:C</c> of the caret DuckDB draws under the offending text, or <c>line 1:1</c>.</summary>
    private static string Position(string message, string sql, int shift)
    {
        var lines = message.Split('\n');
        for (var i = 0; i < lines.Length - 1; i++)
        {
            var match = LinePattern().Match(lines[i]);
            if (!match.Success)
            {
                continue;
            }

            var lineNumber = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var prefix = match.Groups[0].Length;
            var snippet = lines[i][prefix..];
            var caret = lines[i + 1].IndexOf('^', StringComparison.Ordinal);
            if (caret < prefix)
            {
                break;
            }

            var column = caret - prefix + 1;
            if (snippet.StartsWith("...", StringComparison.Ordinal))
            {
                var sqlLines = sql.Split('\n');
                var sqlLine = lineNumber - 1 < sqlLines.Length ? sqlLines[lineNumber - 1] : "";
                var probe = snippet[3..Math.Min(snippet.Length, 3 + 30)].TrimEnd('.');
                var found = probe.Length == 0 ? -1 : sqlLine.IndexOf(probe, StringComparison.Ordinal);
                column = found < 0 ? 1 : found + (caret - prefix - 3) + 1;
            }

            if (lineNumber == 1 && !snippet.StartsWith("...", StringComparison.Ordinal))
            {
                column -= shift;
            }

            return $"line {lineNumber}:{Math.Max(1, column)}";
        }

        return "line 1:1";
    }

    [GeneratedRegex("^Referenced column \"?([^\"]+)\"? not found")]
    private static partial Regex ColumnNotFound();

    [GeneratedRegex("^(?:Scalar|Aggregate|Table) Function with name \"?([^\" ]+)\"? does not exist")]
    private static partial Regex FunctionNotFound();

    [GeneratedRegex("^Table with name \"?([^\" ]+)\"? does not exist")]
    private static partial Regex TableNotFound();

    [GeneratedRegex("^Could not convert string '(.*)' to ([A-Z0-9]+)")]
    private static partial Regex CastFailure();

    [GeneratedRegex(@"^LINE (\d+): ")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"^Invalid number of parameters\. Expected (\d+), got (\d+)")]
    private static partial Regex ParameterCountMismatch();
}
