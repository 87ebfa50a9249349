using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// Every variable has a description and a type, and a validation wherever AWS documents a range or a set: every
/// number, and every string whose description lists its values ("One of …").
/// </summary>
public static class VariableChecker
{
    public static IReadOnlyList<string> Check(TerraformTree tree)
    {
        var problems = new List<string>();
        foreach (var variable in tree.Modules.Values.SelectMany(m => m.OfKind("variable")))
        {
            var description = JsonValues.AsString(variable.Body["description"]);
            var type = JsonValues.AsString(variable.Body["type"]);
            if (string.IsNullOrWhiteSpace(description))
            {
                problems.Add($"{variable.Where}: no description");
            }

            if (type is null)
            {
                problems.Add($"{variable.Where}: no type");
                continue;
            }

            var validated = variable.Body.ContainsKey("validation");
            if (type == "${number}" && !validated)
            {
                problems.Add($"{variable.Where}: a number without a validation block (AWS documents a range for it)");
            }

            if (description?.Contains("One of ", StringComparison.Ordinal) == true && !validated)
            {
                problems.Add($"{variable.Where}: a set of values without a validation block");
            }
        }

        return problems;
    }
}
