namespace Pipeline.ShapeGen;

/// <summary>
/// One entry of <c>shapes.json</c>: the carried model (<c>tests/reference/api-models/&lt;Model&gt;.json</c>), the C#
/// name of the service (namespace <c>Pipeline.AwsShapes.&lt;Name&gt;</c>), the operations whose shapes are written,
/// and shape renames that keep the names the code used before the shapes were generated.
/// </summary>
public sealed record ServiceSpec(string Model, string Name, IReadOnlyList<string> Operations, IReadOnlyDictionary<string, string> Renames);
