using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Pipeline.ShapeGen;

/// <summary>
/// Writes the C# shapes of the AWS operations listed in <c>shapes.json</c> from the botocore models the repository
/// carries: one file per service with a sealed record per structure (nullable init members named as the model's
/// members, so System.Text.Json with no naming policy speaks AWS's JSON), a <c>…Values</c> class of constants per
/// enum (the members stay strings: AWS adds enum values, and a value we do not know must still be read and echoed),
/// the error codes of the operations' error shapes, and a source-generated <c>JsonSerializerContext</c>.
/// The output depends only on its inputs, so a test can compare it with the checked-in files.
/// </summary>
public static class ShapeGenerator
{
    public const string SpecPath = "tools/Pipeline.ShapeGen/shapes.json";
    public const string ModelFolder = "tests/reference/api-models";
    public const string OutputFolder = "services/Pipeline.AwsShapes";
    public const string Command = "dotnet run --project tools/Pipeline.ShapeGen";

    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override",
        "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short",
        "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof",
        "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>The nearest folder at or above <paramref name="start"/> that holds <see cref="SpecPath"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SpecPath)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SpecPath} at or above {start}; pass the repository root as the first argument.");
    }

    /// <summary>Every service file, from the specification and models under <paramref name="root"/>.</summary>
    public static IReadOnlyList<GeneratedFile> GenerateAll(string root)
    {
        var specs = ReadSpecs(File.ReadAllText(Path.Combine(root, SpecPath)));
        return specs
            .Select(spec => Generate(spec, File.ReadAllText(Path.Combine(root, ModelFolder, spec.Model + ".json"))))
            .ToList();
    }

    public static IReadOnlyList<ServiceSpec> ReadSpecs(string json)
    {
        using var document = JsonDocument.Parse(json);
        var specs = new List<ServiceSpec>();
        foreach (var service in document.RootElement.GetProperty("services").EnumerateArray())
        {
            var renames = new Dictionary<string, string>(StringComparer.Ordinal);
            if (service.TryGetProperty("renames", out var renameList))
            {
                foreach (var rename in renameList.EnumerateObject())
                {
                    renames[rename.Name] = rename.Value.GetString()!;
                }
            }

            specs.Add(new ServiceSpec(
                service.GetProperty("model").GetString()!,
                service.GetProperty("name").GetString()!,
                service.GetProperty("operations").EnumerateArray().Select(o => o.GetString()!).ToList(),
                renames));
        }

        return specs;
    }

    /// <summary>The file of one service.</summary>
    public static GeneratedFile Generate(ServiceSpec spec, string modelJson)
    {
        using var document = JsonDocument.Parse(modelJson);
        var model = new Model(document.RootElement, spec);
        var roots = new List<string>();
        var errors = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in spec.Operations)
        {
            if (!model.Operations.TryGetProperty(name, out var operation))
            {
                throw new InvalidOperationException(
                    $"{spec.Model}.json has no operation {name}; add it to {ModelFolder}/trim.py and rerun the trim.");
            }

            if (!operation.TryGetProperty("output", out _) && !roots.Contains("EmptyOutput"))
            {
                // Operations without an output shape still answer a JSON body: {}.
                roots.Add("EmptyOutput");
            }

            foreach (var part in new[] { "input", "output" })
            {
                if (operation.TryGetProperty(part, out var shape))
                {
                    var shapeName = shape.GetProperty("shape").GetString()!;
                    if (!roots.Contains(shapeName))
                    {
                        roots.Add(shapeName);
                    }

                    model.Visit(shapeName);
                }
            }

            if (operation.TryGetProperty("errors", out var errorList))
            {
                foreach (var error in errorList.EnumerateArray())
                {
                    errors.Add(error.GetProperty("shape").GetString()!);
                }
            }
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            // <auto-generated>
            // Written by tools/Pipeline.ShapeGen from {{ModelFolder}}/{{spec.Model}}.json and the operations listed for
            // {{spec.Name}} in {{SpecPath}}. Do not edit: change those and run `{{Command}}`.
            // </auto-generated>
            #nullable enable
            using System.Text.Json.Serialization;

            namespace Pipeline.AwsShapes.{{spec.Name}};

            /// <summary>The error codes of {{spec.Name}}'s operations, as the error shapes of its model name them.</summary>
            public static class {{spec.Name}}ErrorCodes
            {

            """);
        foreach (var error in errors)
        {
            text.Append(CultureInfo.InvariantCulture, $"    public const string {Identifier(error)} = \"{error}\";\n");
        }

        text.Append("}\n");

        foreach (var name in model.Reached)
        {
            var shape = model.Shape(name);
            var type = shape.GetProperty("type").GetString();
            if (type == "structure" && !IsDocument(shape))
            {
                WriteStructure(text, model, name, shape);
            }
            else if (type == "string" && shape.TryGetProperty("enum", out var values))
            {
                WriteEnum(text, model, name, values);
            }
        }

        text.Append(CultureInfo.InvariantCulture, $$"""

            /// <summary>{{spec.Name}}'s operation inputs and outputs: AWS omits absent members rather than sending null.</summary>
            [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]

            """);
        foreach (var root in roots.Order(StringComparer.Ordinal))
        {
            var type = root == "EmptyOutput" ? "Pipeline.AwsShapes.EmptyOutput" : model.TypeName(root);
            text.Append(CultureInfo.InvariantCulture, $"[JsonSerializable(typeof({type}))]\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"public sealed partial class {spec.Name}JsonContext : JsonSerializerContext;\n");
        return new GeneratedFile($"{OutputFolder}/{spec.Name}/{spec.Name}Shapes.g.cs", text.ToString());
    }

    private static void WriteStructure(StringBuilder text, Model model, string name, JsonElement shape)
    {
        var typeName = model.TypeName(name);
        text.Append('\n');
        if (typeName != name)
        {
            text.Append(CultureInfo.InvariantCulture, $"/// <summary>AWS shape <c>{name}</c>.</summary>\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"public sealed partial record {typeName}\n{{\n");
        foreach (var member in shape.GetProperty("members").EnumerateObject())
        {
            var target = member.Value.GetProperty("shape").GetString()!;
            var memberShape = model.Shape(target);
            var property = Identifier(member.Name).TrimStart('@');
            if (property == typeName)
            {
                // C# forbids a member named as its type.
                property += "Value";
            }
            else if (Keywords.Contains(property))
            {
                // The JSON source generator writes member names without '@', so a keyword (ECS's "base") cannot be one.
                property = char.ToUpperInvariant(property[0]) + property[1..];
            }

            if (property != member.Name)
            {
                // The JSON name stays the model's.
                text.Append(CultureInfo.InvariantCulture, $"    [JsonPropertyName(\"{member.Name}\")]\n");
            }

            if (member.Value.TryGetProperty("location", out var location) && location.GetString() != "body")
            {
                // Carried in the URI, query string or headers of the REST protocols, never in the JSON body.
                text.Append("    [JsonIgnore]\n");
            }
            else if (memberShape.GetProperty("type").GetString() == "timestamp" && model.IsJson)
            {
                var converter = memberShape.TryGetProperty("timestampFormat", out var format) && format.GetString() == "iso8601"
                    ? "AwsIso8601TimestampConverter"
                    : "AwsEpochSecondsTimestampConverter";
                text.Append(CultureInfo.InvariantCulture, $"    [JsonConverter(typeof({converter}))]\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"    public {model.ClrType(target)}? {property} {{ get; init; }}\n");
        }

        text.Append("}\n");
    }

    private static void WriteEnum(StringBuilder text, Model model, string name, JsonElement values)
    {
        var className = model.TypeName(name) + "Values";
        text.Append(CultureInfo.InvariantCulture, $$"""

            /// <summary>The values AWS documents for <c>{{name}}</c>; members stay strings because AWS adds values.</summary>
            public static class {{className}}
            {

            """);
        var used = new HashSet<string>(StringComparer.Ordinal) { "All" };
        var identifiers = new List<string>();
        foreach (var value in values.EnumerateArray().Select(v => v.GetString()!))
        {
            var identifier = EnumIdentifier(value);
            for (var suffix = 2; !used.Add(identifier); suffix++)
            {
                identifier = EnumIdentifier(value) + suffix.ToString(CultureInfo.InvariantCulture);
            }

            identifiers.Add(identifier);
            text.Append(CultureInfo.InvariantCulture, $"    public const string {identifier} = \"{value}\";\n");
        }

        text.Append(CultureInfo.InvariantCulture, $$"""

                /// <summary>Every documented value, in the model's order.</summary>
                public static IReadOnlyList<string> All { get; } = [{{string.Join(", ", identifiers)}}];
            }

            """);
    }

    private static bool IsDocument(JsonElement shape) =>
        shape.TryGetProperty("document", out var document) && document.ValueKind == JsonValueKind.True;

    private static string Identifier(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name)
        {
            builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
        }

        var identifier = builder.ToString();
        if (char.IsDigit(identifier[0]))
        {
            identifier = "_" + identifier;
        }

        return Keywords.Contains(identifier) ? "@" + identifier : identifier;
    }

    // CREATING_FAILED → CreatingFailed, DirectPut stays, application/json → ApplicationJson.
    private static string EnumIdentifier(string value)
    {
        var builder = new StringBuilder();
        foreach (var part in value.SplitWhere(c => !char.IsLetterOrDigit(c)))
        {
            if (part.Length == 0)
            {
                continue;
            }

            var allUpper = part.All(c => !char.IsLetter(c) || char.IsUpper(c));
            builder.Append(char.ToUpperInvariant(part[0]));
            builder.Append(allUpper ? part[1..].ToLowerInvariant() : part[1..]);
        }

        var identifier = builder.Length == 0 ? "Empty" : builder.ToString();
        return char.IsDigit(identifier[0]) ? "Value" + identifier : identifier;
    }

    private static string[] SplitWhere(this string value, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || separator(value[i]))
            {
                parts.Add(value[start..i]);
                start = i + 1;
            }
        }

        return [.. parts];
    }

    /// <summary>A model being read: its shapes, the ones reached from the listed operations, and the C# names.</summary>
    private sealed class Model(JsonElement root, ServiceSpec spec)
    {
        private readonly JsonElement _shapes = root.GetProperty("shapes");

        public JsonElement Operations { get; } = root.GetProperty("operations");

        public SortedSet<string> Reached { get; } = new(StringComparer.Ordinal);

        public bool IsJson { get; } = root.GetProperty("metadata").GetProperty("protocol").GetString() is "json" or "rest-json";

        public JsonElement Shape(string name) => _shapes.GetProperty(name);

        public string TypeName(string name) => spec.Renames.TryGetValue(name, out var renamed) ? renamed : Identifier(name);

        public void Visit(string name)
        {
            if (!Reached.Add(name))
            {
                return;
            }

            var shape = Shape(name);
            switch (shape.GetProperty("type").GetString())
            {
                case "structure":
                    foreach (var member in shape.GetProperty("members").EnumerateObject())
                    {
                        Visit(member.Value.GetProperty("shape").GetString()!);
                    }

                    break;
                case "list":
                    Visit(shape.GetProperty("member").GetProperty("shape").GetString()!);
                    break;
                case "map":
                    Visit(shape.GetProperty("key").GetProperty("shape").GetString()!);
                    Visit(shape.GetProperty("value").GetProperty("shape").GetString()!);
                    break;
            }
        }

        public string ClrType(string name)
        {
            var shape = Shape(name);
            return shape.GetProperty("type").GetString() switch
            {
                "structure" when IsDocument(shape) => "System.Text.Json.JsonElement",
                "structure" => TypeName(name),
                "list" => $"IReadOnlyList<{ClrType(shape.GetProperty("member").GetProperty("shape").GetString()!)}>",
                "map" => $"IReadOnlyDictionary<string, {ClrType(shape.GetProperty("value").GetProperty("shape").GetString()!)}>",
                "string" => "string",
                "integer" => "int",
                "long" => "long",
                "boolean" => "bool",
                "double" or "float" => "double",
                "blob" => "byte[]",
                "timestamp" => "DateTimeOffset",
                var other => throw new InvalidOperationException($"Shape {name} has type {other}, which the generator does not know."),
            };
        }
    }
}
