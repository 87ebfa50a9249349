using System.Text;

namespace Pipeline.LocalCloud.Athena.Results;

/// <summary>
/// Athena's result CSV: every value in double quotes with inner quotes doubled, NULL as an empty unquoted field,
/// <c>\n</c> after every row, the header row first. <see cref="Parse"/> reads it back, telling NULL from "".
/// </summary>
internal static class AthenaCsv
{
    public static void Write(TextWriter writer, IEnumerable<string?[]> rows)
    {
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }

                if (row[i] is { } value)
                {
                    writer.Write('"');
                    writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
                    writer.Write('"');
                }
            }

            writer.Write('\n');
        }
    }

    public static List<string?[]> Parse(string text)
    {
        var rows = new List<string?[]>();
        var row = new List<string?>();
        var position = 0;
        while (position < text.Length)
        {
            string? field;
            if (text[position] == '"')
            {
                // A quote ends the value unless a second one follows: that pair is one quote of the value.
                var value = new StringBuilder();
                while (++position < text.Length && (text[position] != '"' || (++position < text.Length && text[position] == '"')))
                {
                    value.Append(text[position]);
                }

                field = value.ToString();
            }
            else
            {
                var end = text.IndexOfAny([',', '\n'], position);
                end = end < 0 ? text.Length : end;
                field = end == position ? null : text[position..end];
                position = end;
            }

            row.Add(field);
            if (position >= text.Length || text[position] == '\n')
            {
                rows.Add([.. row]);
                row.Clear();
            }

            position++;
        }

        return rows;
    }
}
