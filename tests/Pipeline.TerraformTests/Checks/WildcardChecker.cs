using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// No "*" action anywhere, and no service-wide "service:*" action in an Allow; a "*" resource only with a comment
/// on the line before saying why AWS allows nothing narrower.
/// </summary>
public static partial class WildcardChecker
{
    [GeneratedRegex(@"^\s*""?(resources|Resource)""?\s*=.*""\*""")]
    private static partial Regex StarResource();

    [GeneratedRegex(@"^\s*""?Action""?\s*=.*""\*""")]
    private static partial Regex StarActionInJson();

    public static IReadOnlyList<string> Check(TerraformTree tree)
    {
        var problems = new List<string>();
        foreach (var file in tree.Files.Where(f => f.Json is not null))
        {
            foreach (var statement in Statements(file.Json!))
            {
                var actions = JsonValues.StringList(statement["actions"]) ?? [];
                var deny = JsonValues.AsString(statement["effect"]) == "Deny";
                var keyPolicy = (JsonValues.StringList(statement["resources"]) ?? []).Contains("*");
                foreach (var action in actions)
                {
                    if (action == "*")
                    {
                        problems.Add($"{file.Path}: a statement allows the \"*\" action");
                    }
                    else if (action.EndsWith(":*", StringComparison.Ordinal) && !deny && !(keyPolicy && action == "kms:*"))
                    {
                        problems.Add($"{file.Path}: a statement allows every action of a service ({action})");
                    }
                }
            }

            var lines = file.Text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (StarActionInJson().IsMatch(lines[i]))
                {
                    problems.Add($"{file.Path}:{i + 1}: a \"*\" action");
                }

                if (StarResource().IsMatch(lines[i]) && !PrecedingComment(lines, i))
                {
                    problems.Add($"{file.Path}:{i + 1}: a \"*\" resource without a comment on the line before saying why nothing narrower is possible");
                }
            }
        }

        return problems;
    }

    private static bool PrecedingComment(string[] lines, int index) =>
        index > 0 && lines[index - 1].TrimStart() is var previous && (previous.StartsWith('#') || previous.StartsWith("//", StringComparison.Ordinal));

    /// <summary>Every policy statement block, plain or generated, anywhere in a file.</summary>
    private static IEnumerable<JsonObject> Statements(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key is "statement" or "policy_statements" && child is JsonArray statements)
                    {
                        foreach (var s in statements.OfType<JsonObject>())
                        {
                            yield return s;
                        }
                    }
                    else if (key == "content" && child is JsonArray contents && obj.ContainsKey("for_each"))
                    {
                        foreach (var c in contents.OfType<JsonObject>())
                        {
                            yield return c;
                        }
                    }

                    foreach (var nested in Statements(child))
                    {
                        yield return nested;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var nested in Statements(child))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }
}
