using System.Globalization;
using System.Text;

namespace Pipeline.DuckDb;

/// <summary>
/// Glue/Hive type strings: parsed with the grammar of <c>terraform/glue/pipeline_flatten.py</c>, written back in the
/// catalog's spelling, and mapped to DuckDB types for reading JSON and writing Parquet.
/// </summary>
public static class GlueTypes
{
    private const int MaxNesting = 100;

    // Hive's primitive names with (least, most) parameters; `integer` is Glue's alias of `int`.
    private static readonly Dictionary<string, (int Least, int Most)> Primitives = new(StringComparer.Ordinal)
    {
        ["boolean"] = (0, 0), ["tinyint"] = (0, 0), ["smallint"] = (0, 0), ["int"] = (0, 0), ["integer"] = (0, 0),
        ["bigint"] = (0, 0), ["float"] = (0, 0), ["double"] = (0, 0), ["string"] = (0, 0), ["binary"] = (0, 0),
        ["date"] = (0, 0), ["timestamp"] = (0, 0), ["decimal"] = (0, 2), ["char"] = (1, 1), ["varchar"] = (1, 1),
    };

    /// <exception cref="FormatException">The text is not a Glue type; the message says where.</exception>
    public static GlueType Parse(string text)
    {
        var parser = new Parser(text);
        var type = parser.Type(0);
        parser.SkipSpaces();
        if (parser.Position != text.Length)
        {
            throw parser.Fail($"unexpected '{text[parser.Position]}' after the type");
        }

        return type;
    }

    /// <summary>The catalog spelling: lower case, no spaces, odd field names in backticks.</summary>
    public static string Format(GlueType type) => type switch
    {
        GluePrimitiveType p when p.Parameters.Count > 0 => $"{p.Name}({string.Join(',', p.Parameters)})",
        GluePrimitiveType p => p.Name,
        GlueArrayType a => $"array<{Format(a.Element)}>",
        GlueMapType m => $"map<{Format(m.Key)},{Format(m.Value)}>",
        GlueStructType s => "struct<" + string.Join(',', s.Fields.Select(f => $"{FieldName(f.Name)}:{Format(f.Type)}")) + ">",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The DuckDB type that holds the Glue type's values, e.g. <c>struct&lt;a:string&gt;</c> → <c>STRUCT("a" VARCHAR)</c>.</summary>
    public static string ToDuckDb(GlueType type) => type switch
    {
        GluePrimitiveType p => p.Name switch
        {
            "boolean" => "BOOLEAN",
            "tinyint" => "TINYINT",
            "smallint" => "SMALLINT",
            "int" or "integer" => "INTEGER",
            "bigint" => "BIGINT",
            "float" => "FLOAT",
            "double" => "DOUBLE",
            "string" or "char" or "varchar" => "VARCHAR",
            "binary" => "BLOB",
            "date" => "DATE",
            "timestamp" => "TIMESTAMP",
            "decimal" => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({(p.Parameters.Count > 0 ? p.Parameters[0] : 10)},{(p.Parameters.Count > 1 ? p.Parameters[1] : 0)})"),
            _ => throw new ArgumentOutOfRangeException(nameof(type), p.Name, "not a Glue primitive"),
        },
        GlueArrayType a => ToDuckDb(a.Element) + "[]",
        GlueMapType m => $"MAP({ToDuckDb(m.Key)}, {ToDuckDb(m.Value)})",
        GlueStructType s => "STRUCT(" + string.Join(", ", s.Fields.Select(f => $"{DuckDbSql.Identifier(f.Name)} {ToDuckDb(f.Type)}")) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static string FieldName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? name : "`" + name.Replace("`", "``", StringComparison.Ordinal) + "`";

    private sealed class Parser(string text)
    {
        public int Position { get; private set; }

        public FormatException Fail(string message) => new($"invalid type '{text}' at position {Position}: {message}");

        public void SkipSpaces()
        {
            while (Position < text.Length && char.IsWhiteSpace(text[Position]))
            {
                Position++;
            }
        }

        public GlueType Type(int depth)
        {
            if (depth > MaxNesting)
            {
                throw Fail($"types nest deeper than {MaxNesting} levels");
            }

            var name = Word();
            switch (name)
            {
                case "array":
                    Expect('<');
                    var element = Type(depth + 1);
                    Expect('>');
                    return new GlueArrayType(element);
                case "map":
                    Expect('<');
                    var key = Type(depth + 1);
                    Expect(',');
                    var value = Type(depth + 1);
                    Expect('>');
                    return new GlueMapType(key, value);
                case "struct":
                    return Struct(depth);
            }

            if (!Primitives.TryGetValue(name, out var arity))
            {
                throw Fail($"unknown type '{name}'");
            }

            return new GluePrimitiveType(name, Parameters(name, arity.Least, arity.Most));
        }

        private char Peek()
        {
            SkipSpaces();
            return Position < text.Length ? text[Position] : '\0';
        }

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw Fail($"expected '{c}' but found {(Position < text.Length ? "'" + text[Position] + "'" : "the end")}");
            }

            Position++;
        }

        private string Word()
        {
            SkipSpaces();
            var start = Position;
            while (Position < text.Length && (char.IsLetterOrDigit(text[Position]) || text[Position] == '_'))
            {
                Position++;
            }

            if (start == Position)
            {
                throw Fail($"expected a type name but found {(Position < text.Length ? "'" + text[Position] + "'" : "the end")}");
            }

            return text[start..Position].ToLowerInvariant();
        }

        private int Integer()
        {
            SkipSpaces();
            var start = Position;
            while (Position < text.Length && char.IsAsciiDigit(text[Position]))
            {
                Position++;
            }

            if (start == Position)
            {
                throw Fail("expected a number");
            }

            return int.Parse(text.AsSpan(start, Position - start), CultureInfo.InvariantCulture);
        }

        private List<int> Parameters(string name, int least, int most)
        {
            if (Peek() != '(')
            {
                return least > 0 ? throw Fail($"{name} needs a length, e.g. {name}(10)") : [];
            }

            if (most == 0)
            {
                throw Fail($"{name} takes no parameters");
            }

            Position++;
            var values = new List<int> { Integer() };
            while (Peek() == ',')
            {
                Position++;
                values.Add(Integer());
            }

            Expect(')');
            if (values.Count > most)
            {
                throw Fail($"{name} takes at most {most} parameters");
            }

            return values;
        }

        private GlueStructType Struct(int depth)
        {
            Expect('<');
            if (Peek() == '>')
            {
                throw Fail("a struct needs at least one field");
            }

            var fields = new List<GlueStructField>();
            while (true)
            {
                var name = FieldName();
                Expect(':');
                fields.Add(new GlueStructField(name, Type(depth + 1)));
                if (Peek() == ',')
                {
                    Position++;
                    continue;
                }

                Expect('>');
                return new GlueStructType(fields);
            }
        }

        private string FieldName()
        {
            SkipSpaces();
            if (Position < text.Length && text[Position] == '`')
            {
                Position++;
                var name = new StringBuilder();
                while (true)
                {
                    var end = text.IndexOf('`', Position);
                    if (end < 0)
                    {
                        throw Fail("unterminated `quoted` field name");
                    }

                    name.Append(text, Position, end - Position);
                    Position = end + 1;
                    if (Position < text.Length && text[Position] == '`')
                    {
                        name.Append('`');
                        Position++;
                        continue;
                    }

                    return name.ToString();
                }
            }

            // Glue keeps source field names as they are; only the grammar's delimiters cannot appear unquoted.
            var start = Position;
            while (Position < text.Length && ":,<>`".IndexOf(text[Position], StringComparison.Ordinal) < 0)
            {
                Position++;
            }

            var plain = text[start..Position].Trim();
            return plain.Length == 0 ? throw Fail("expected a field name") : plain;
        }
    }
}
