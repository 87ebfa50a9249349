using Pipeline.TerraformTests.Checks;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.CheckBehaviour;

public sealed class ReadmeCheckerFlagsDrift
{
    private static readonly TerraformModule Module = HclParser.ParseSnippets(new Dictionary<string, string>
    {
        ["m/main.tf"] = """
            variable "name" {
              description = "n"
              type        = string
            }

            variable "size" {
              description = "s"
              type        = number
              default     = 1
            }

            output "arn" {
              description = "a"
              value       = var.name
            }

            """,
    }).Modules["m"];

    private static string Readme(string inputs, string outputs) =>
        $"# m\n\n## Inputs\n\n| Name | Description | Type | Default | Required |\n| --- | --- | --- | --- | --- |\n{inputs}\n## Outputs\n\n| Name | Description |\n| --- | --- |\n{outputs}";

    private const string Name = "| `name` | n | `string` | n/a | yes |\n";
    private const string Size = "| `size` | s | `number` | `1` | no |\n";
    private const string Arn = "| `arn` | a |\n";

    [Fact]
    public void AnUndocumentedInputIsFlagged() =>
        Problems.AssertFound(ReadmeChecker.Check("README.md", Readme(Name, Arn), Module), "does not document the input size");

    [Fact]
    public void ADocumentedOutputTheModuleLacksIsFlagged() =>
        Problems.AssertFound(ReadmeChecker.Check("README.md", Readme(Name + Size, Arn + "| `id` | i |\n"), Module), "documents the output id");

    [Fact]
    public void AWrongRequiredColumnIsFlagged() =>
        Problems.AssertFound(ReadmeChecker.Check("README.md", Readme(Name + Size.Replace("| no |", "| yes |"), Arn), Module), "input size is optional");

    [Fact]
    public void AMatchingReadmePasses() =>
        Problems.AssertNone(ReadmeChecker.Check("README.md", Readme(Name + Size, Arn), Module));
}
