using System.Globalization;
using System.Text;

namespace Pipeline.LocalCloud.Glue.Crawlers.Crawling;

/// <summary>
/// Reads a DuckDB type as DESCRIBE prints it (<c>STRUCT(a VARCHAR, "b c" BIGINT[])</c>) into the Hive type Glue would
/// catalog. Dates and timestamps are Hive's only in Parquet: in JSON they are strings that merely look like dates, and
/// Glue's JSON classifier keeps them <c>string</c>.
/// </summary>
internal sealed class DuckDbTypeParser
{
    private readonly string _text;
    private readonly FileFormat _format;
    private int _position;

    private DuckDbTypeParser(string text, FileFormat format)
    {
        _text = text;
        _format = format;
    }

    public static HiveType Parse(string duckDbType, FileFormat format)
    {
        var parser = new DuckDbTypeParser(duckDbType, format);
        var type = parser.ParseType();
        parser.SkipSpaces();
        if (parser._position != parser._text.Length)
        {
            throw new FormatException($"Unexpected '{duckDbType[parser._position..]}' in DuckDB type '{duckDbType}'.");
        }

        return type;
    }

    private HiveType ParseType()
    {
        var type = ParseBase();
        SkipSpaces();
        while (Peek() == '[')
        {
            // T[] and T[n] are both Hive arrays.
            var close = _text.IndexOf(']', _position);
            if (close < 0)
            {
                throw new FormatException($"Unclosed '[' in DuckDB type '{_text}'.");
            }

            _position = close + 1;
            type = new HiveArray(type);
            SkipSpaces();
        }

        return type;
    }

    private HiveType ParseBase()
    {
        SkipSpaces();
        var word = ReadWord().ToUpperInvariant();
        switch (word)
        {
            case "STRUCT":
                return ParseStruct();
            case "MAP":
            {
                Expect('(');
                var key = ParseType();
                Expect(',');
                var value = ParseType();
                Expect(')');
                return new HiveMap(key, value);
            }

            case "DECIMAL" or "NUMERIC":
                return Decimal();
        }

        SkipParenthesized();
        if (word is "TIMESTAMP" or "TIME" && TryConsume("WITH TIME ZONE"))
        {
            word += "TZ";
        }

        return Primitive(word);
    }

    private HiveStruct ParseStruct()
    {
        Expect('(');
        var fields = new List<HiveField>();
        SkipSpaces();
        if (Peek() == ')')
        {
            _position++;
            return new HiveStruct(fields);
        }

        while (true)
        {
            var name = ReadName();
            fields.Add(new HiveField(name, ParseType()));
            SkipSpaces();
            var next = Peek();
            _position++;
            if (next == ')')
            {
                return new HiveStruct(fields);
            }

            if (next != ',')
            {
                throw new FormatException($"Expected ',' or ')' in DuckDB type '{_text}'.");
            }
        }
    }

    private HiveType Decimal()
    {
        SkipSpaces();
        if (Peek() != '(')
        {
            return new HivePrimitive("decimal(18,3)");
        }

        var close = _text.IndexOf(')', _position);
        var arguments = _text[(_position + 1)..close].Replace(" ", string.Empty, StringComparison.Ordinal);
        _position = close + 1;
        return new HivePrimitive("decimal(" + arguments + ")");
    }

    private HiveType Primitive(string name)
    {
        var json = _format == FileFormat.Json;
        return name switch
        {
            // read_json types a field that is only ever null as JSON: no evidence of a type yet.
            "NULL" => HiveUnknown.Instance,
            "JSON" when json => HiveUnknown.Instance,
            "BOOLEAN" or "BOOL" => HivePrimitive.Boolean,
            "TINYINT" => new HivePrimitive("tinyint"),
            "SMALLINT" or "UTINYINT" => new HivePrimitive("smallint"),
            "INTEGER" or "INT" or "USMALLINT" => HivePrimitive.Int,
            "BIGINT" or "UINTEGER" or "UBIGINT" or "HUGEINT" or "UHUGEINT" => HivePrimitive.BigInt,
            "FLOAT" or "REAL" => new HivePrimitive("float"),
            "DOUBLE" => HivePrimitive.Double,
            "DATE" => json ? HivePrimitive.String : new HivePrimitive("date"),
            "TIMESTAMP" or "TIMESTAMPTZ" or "TIMESTAMP_S" or "TIMESTAMP_MS" or "TIMESTAMP_NS" or "DATETIME" => json ? HivePrimitive.String : HivePrimitive.Timestamp,
            "BLOB" or "BYTEA" => new HivePrimitive("binary"),
            _ => HivePrimitive.String,
        };
    }

    private string ReadWord()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] == '_'))
        {
            _position++;
        }

        if (start == _position)
        {
            throw new FormatException($"Expected a type at {start} in DuckDB type '{_text}'.");
        }

        return _text[start.._position];
    }

    private string ReadName()
    {
        SkipSpaces();
        if (Peek() != '"')
        {
            var start = _position;
            while (_position < _text.Length && !char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }

            return _text[start.._position];
        }

        var name = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c != '"')
            {
                name.Append(c);
            }
            else if (Peek() == '"')
            {
                name.Append('"');
                _position++;
            }
            else
            {
                return name.ToString();
            }
        }

        throw new FormatException($"Unclosed quoted name in DuckDB type '{_text}'.");
    }

    // ENUM('a', 'b'), VARCHAR(10), …: the arguments say nothing Hive keeps.
    private void SkipParenthesized()
    {
        SkipSpaces();
        if (Peek() != '(')
        {
            return;
        }

        var depth = 0;
        var quoted = false;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '(')
            {
                depth++;
            }
            else if (!quoted && c == ')' && --depth == 0)
            {
                return;
            }
        }
    }

    private bool TryConsume(string text)
    {
        if (string.Compare(_text, _position, text, 0, text.Length, StringComparison.OrdinalIgnoreCase) == 0)
        {
            _position += text.Length;
            return true;
        }

        return false;
    }

    private void Expect(char c)
    {
        SkipSpaces();
        if (Peek() != c)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Expected '{c}' at {_position} in DuckDB type '{_text}'."));
        }

        _position++;
    }

    private char Peek() => _position < _text.Length ? _text[_position] : '\0';

    private void SkipSpaces()
    {
        while (_position < _text.Length && _text[_position] == ' ')
        {
            _position++;
        }
    }
}
