using System.Text.Json;
using Pipeline.Contracts.Datasets;

namespace Pipeline.Generator.Data.Schema;

/// <summary>A field's definition compiled into what the generator needs per record, so nothing is decided twice.</summary>
internal sealed class FieldPlan
{
    public required FieldDefinition Definition { get; init; }

    public required JsonEncodedText Name { get; init; }

    public required ValueStrategy Strategy { get; init; }

    public double Min { get; init; }

    public double Max { get; init; }

    public int MinLength { get; init; }

    public int MaxLength { get; init; }

    public IReadOnlyList<string> Choices { get; init; } = [];

    public PatternGenerator? Pattern { get; init; }

    public string Constant { get; init; } = "";

    public IReadOnlyList<FieldPlan> Fields { get; init; } = [];

    public FieldPlan? Items { get; init; }

    public int MaxItems { get; init; }
}
