using System.Text.Json;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Events.Patterns;

/// <summary>
/// An EventBridge event pattern: every field named must match, objects nest into the event, leaves are arrays of
/// alternatives. Alternatives are values (exact, arrays in the event match if any element does) or one of
/// <c>prefix</c>, <c>suffix</c>, <c>equals-ignore-case</c>, <c>anything-but</c> (value, list, <c>{"prefix"}</c>),
/// <c>exists</c> and <c>numeric</c>. A field absent from the event matches nothing but <c>{"exists": false}</c>.
/// </summary>
public sealed class EventPattern
{
    private readonly JsonElement _root;

    private EventPattern(JsonElement root) => _root = root;

    /// <summary>Parses and checks a pattern as PutRule does; throws InvalidEventPatternException.</summary>
    public static EventPattern Parse(string json)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(json);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw Invalid($"Event pattern is not valid JSON: {e.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("Filter is not an object");
        }

        ValidateObject(root);
        return new EventPattern(root);
    }

    /// <summary>Whether the event (the full envelope) matches.</summary>
    public bool Matches(JsonElement evt) => MatchObject(_root, evt);

    private static bool MatchObject(JsonElement pattern, JsonElement evt)
    {
        foreach (var field in pattern.EnumerateObject())
        {
            var value = default(JsonElement);
            var present = evt.ValueKind == JsonValueKind.Object && evt.TryGetProperty(field.Name, out value);

            if (field.Value.ValueKind == JsonValueKind.Object)
            {
                if (!present || value.ValueKind != JsonValueKind.Object || !MatchObject(field.Value, value))
                {
                    return false;
                }
            }
            else if (!MatchLeaf(field.Value, present ? value : null))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MatchLeaf(JsonElement alternatives, JsonElement? value)
    {
        foreach (var alternative in alternatives.EnumerateArray())
        {
            if (alternative.ValueKind == JsonValueKind.Object)
            {
                if (MatchOperator(alternative.EnumerateObject().First(), value))
                {
                    return true;
                }
            }
            else if (value is { } v && AnyValue(v, x => SameValue(alternative, x)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MatchOperator(JsonProperty op, JsonElement? value)
    {
        if (op.Name == "exists")
        {
            return op.Value.GetBoolean() == value.HasValue;
        }

        if (value is not { } v)
        {
            return false;
        }

        return op.Name switch
        {
            "prefix" => AnyValue(v, x => StringValue(x) is { } s && s.StartsWith(op.Value.GetString()!, StringComparison.Ordinal)),
            "suffix" => AnyValue(v, x => StringValue(x) is { } s && s.EndsWith(op.Value.GetString()!, StringComparison.Ordinal)),
            "equals-ignore-case" => AnyValue(v, x => StringValue(x) is { } s && string.Equals(s, op.Value.GetString(), StringComparison.OrdinalIgnoreCase)),
            "numeric" => AnyValue(v, x => x.ValueKind == JsonValueKind.Number && MatchNumeric(op.Value, x.GetDouble())),
            "anything-but" => AllValues(v, x => !MatchAnythingBut(op.Value, x)),
            _ => false,
        };
    }

    // True when the value is one of those excluded.
    private static bool MatchAnythingBut(JsonElement excluded, JsonElement value) => excluded.ValueKind switch
    {
        JsonValueKind.Array => excluded.EnumerateArray().Any(e => SameValue(e, value)),
        JsonValueKind.Object => excluded.EnumerateObject().First() is var op && op.Name switch
        {
            "prefix" => StringValue(value) is { } s && s.StartsWith(op.Value.GetString()!, StringComparison.Ordinal),
            "suffix" => StringValue(value) is { } s && s.EndsWith(op.Value.GetString()!, StringComparison.Ordinal),
            "equals-ignore-case" => StringValue(value) is { } s && (op.Value.ValueKind == JsonValueKind.Array
                ? op.Value.EnumerateArray().Any(e => string.Equals(s, e.GetString(), StringComparison.OrdinalIgnoreCase))
                : string.Equals(s, op.Value.GetString(), StringComparison.OrdinalIgnoreCase)),
            _ => false,
        },
        _ => SameValue(excluded, value),
    };

    private static bool MatchNumeric(JsonElement conditions, double number)
    {
        var items = conditions.EnumerateArray().ToArray();
        for (var i = 0; i + 1 < items.Length; i += 2)
        {
            var bound = items[i + 1].GetDouble();
            var ok = items[i].GetString() switch
            {
                "<" => number < bound,
                "<=" => number <= bound,
                "=" => number == bound,
                ">" => number > bound,
                ">=" => number >= bound,
                _ => false,
            };
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AnyValue(JsonElement value, Func<JsonElement, bool> test) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Any(test) : test(value);

    private static bool AllValues(JsonElement value, Func<JsonElement, bool> test) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().All(test) : test(value);

    private static string? StringValue(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // Numbers compare by value (5 matches 5.0), everything else by kind and text.
    private static bool SameValue(JsonElement pattern, JsonElement value) => (pattern.ValueKind, value.ValueKind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => pattern.GetDouble() == value.GetDouble(),
        (JsonValueKind.String, JsonValueKind.String) => pattern.GetString() == value.GetString(),
        (JsonValueKind.True, JsonValueKind.True) or (JsonValueKind.False, JsonValueKind.False) or (JsonValueKind.Null, JsonValueKind.Null) => true,
        _ => false,
    };

    private static void ValidateObject(JsonElement pattern)
    {
        foreach (var field in pattern.EnumerateObject())
        {
            switch (field.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    ValidateObject(field.Value);
                    break;
                case JsonValueKind.Array:
                    foreach (var alternative in field.Value.EnumerateArray())
                    {
                        ValidateAlternative(alternative);
                    }

                    break;
                default:
                    throw Invalid($"\"{field.Name}\" must be an object or an array");
            }
        }
    }

    private static void ValidateAlternative(JsonElement alternative)
    {
        if (alternative.ValueKind is JsonValueKind.Array)
        {
            throw Invalid("Match value must be String, number, true, false, or null");
        }

        if (alternative.ValueKind is not JsonValueKind.Object)
        {
            return;
        }

        var ops = alternative.EnumerateObject().ToArray();
        if (ops.Length != 1)
        {
            throw Invalid("Only one key allowed in match expression");
        }

        var (name, operand) = (ops[0].Name, ops[0].Value);
        var valid = name switch
        {
            "prefix" or "suffix" => operand.ValueKind == JsonValueKind.String,
            "equals-ignore-case" => operand.ValueKind == JsonValueKind.String,
            "exists" => operand.ValueKind is JsonValueKind.True or JsonValueKind.False,
            "numeric" => ValidNumeric(operand),
            "anything-but" => operand.ValueKind switch
            {
                JsonValueKind.String or JsonValueKind.Number => true,
                JsonValueKind.Array => operand.EnumerateArray().All(e => e.ValueKind is JsonValueKind.String or JsonValueKind.Number),
                JsonValueKind.Object => operand.EnumerateObject().ToArray() is [var inner]
                    && inner.Name is "prefix" or "suffix" or "equals-ignore-case"
                    && (inner.Value.ValueKind == JsonValueKind.String || (inner.Name == "equals-ignore-case" && inner.Value.ValueKind == JsonValueKind.Array)),
                _ => false,
            },
            _ => throw Invalid($"Unrecognized match type {name}"),
        };
        if (!valid)
        {
            throw Invalid($"Malformed \"{name}\" match expression: {operand.GetRawText()}");
        }
    }

    private static bool ValidNumeric(JsonElement operand)
    {
        if (operand.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var items = operand.EnumerateArray().ToArray();
        if (items.Length is not (2 or 4))
        {
            return false;
        }

        for (var i = 0; i < items.Length; i += 2)
        {
            if (items[i].ValueKind != JsonValueKind.String || items[i].GetString() is not ("<" or "<=" or "=" or ">" or ">=") || items[i + 1].ValueKind != JsonValueKind.Number)
            {
                return false;
            }
        }

        return true;
    }

    private static AwsServiceException Invalid(string reason) =>
        new("InvalidEventPatternException", $"Event pattern is not valid. Reason: {reason}");

    /// <inheritdoc />
    public override string ToString() => _root.GetRawText();
}
