using System.Text.Json.Nodes;
using Pipeline.TerraformTests.Support;

namespace Pipeline.TerraformTests.Checks;

/// <summary>
/// Firehose does not return a processor parameter whose value is its default, so a parameter written out with that
/// value shows as a change in every plan. The parameters that have defaults are therefore never literal
/// <c>parameters</c> blocks: they come from a <c>dynamic "parameters"</c> that leaves default values out.
/// </summary>
public static class ProcessorParameterChecker
{
    /// <summary>Lambda processor parameters with a default (BufferSizeInMBs 1, BufferIntervalInSeconds 60, NumberOfRetries 3, RoleArn the stream's role).</summary>
    public static IReadOnlySet<string> WithDefaults { get; } = new HashSet<string>(StringComparer.Ordinal) { "BufferSizeInMBs", "BufferIntervalInSeconds", "NumberOfRetries", "RoleArn" };

    public static IReadOnlyList<string> Check(TerraformTree tree)
    {
        var problems = new List<string>();
        foreach (var stream in tree.Modules.Values.SelectMany(m => m.Resources("aws_kinesis_firehose_delivery_stream")))
        {
            foreach (var parameters in ProcessorParameterBlocks(stream.Body))
            {
                var name = JsonValues.AsString(parameters["parameter_name"]);
                if (name is not null && WithDefaults.Contains(name))
                {
                    problems.Add($"{stream.Where}: processor parameter {name} is written out; at its default value it makes a permanent diff (generate it only for other values)");
                }
            }
        }

        return problems;
    }

    private static IEnumerable<JsonObject> ProcessorParameterBlocks(JsonObject body)
    {
        foreach (var destination in Blocks(body, "extended_s3_configuration"))
        {
            foreach (var processing in Blocks(destination, "processing_configuration"))
            {
                foreach (var processor in Blocks(processing, "processors"))
                {
                    foreach (var parameters in Blocks(processor, "parameters"))
                    {
                        yield return parameters;
                    }
                }
            }
        }
    }

    private static IEnumerable<JsonObject> Blocks(JsonObject body, string name) =>
        (body[name] as JsonArray ?? []).OfType<JsonObject>();
}
