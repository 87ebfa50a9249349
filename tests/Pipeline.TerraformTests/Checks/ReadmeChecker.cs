using System.Text.RegularExpressions;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// A module's README.md has an Inputs table and an Outputs table whose rows (first column, in backticks) are exactly
/// the module's variables and outputs, and whose Required column says "yes" exactly for variables without a default.
/// </summary>
public static partial class ReadmeChecker
{
    [GeneratedRegex("""^\|\s*`(?<name>[\w-]+)`\s*\|(?<rest>.*)$""")]
    private static partial Regex Row();

    public static IReadOnlyList<string> Check(string readmePath, string readme, TerraformModule module)
    {
        var problems = new List<string>();
        var inputs = Table(readme, "## Inputs");
        var outputs = Table(readme, "## Outputs");
        var variables = module.OfKind("variable").ToDictionary(v => v.Name, v => v, StringComparer.Ordinal);
        var declaredOutputs = module.OfKind("output").Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

        Compare("input", inputs.Keys, variables.Keys);
        Compare("output", outputs.Keys, declaredOutputs);
        foreach (var (name, cells) in inputs)
        {
            if (variables.TryGetValue(name, out var variable))
            {
                var required = !variable.Body.ContainsKey("default");
                var says = cells.LastOrDefault()?.Trim();
                if (says != (required ? "yes" : "no"))
                {
                    problems.Add($"{readmePath}: input {name} is {(required ? "required" : "optional")}, the table says \"{says}\"");
                }
            }
        }

        return problems;

        void Compare(string what, IEnumerable<string> documented, IEnumerable<string> declared)
        {
            foreach (var name in documented.Except(declared).Order(StringComparer.Ordinal))
            {
                problems.Add($"{readmePath}: documents the {what} {name}, which {module.Folder} does not declare");
            }

            foreach (var name in declared.Except(documented).Order(StringComparer.Ordinal))
            {
                problems.Add($"{readmePath}: does not document the {what} {name}");
            }
        }
    }

    private static Dictionary<string, string[]> Table(string readme, string heading)
    {
        var rows = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var inSection = false;
        foreach (var line in readme.Split('\n'))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inSection = line.TrimEnd() == heading;
                continue;
            }

            if (inSection && Row().Match(line) is { Success: true } row)
            {
                rows[row.Groups["name"].Value] = row.Groups["rest"].Value.TrimEnd().TrimEnd('|').Split('|');
            }
        }

        return rows;
    }
}
