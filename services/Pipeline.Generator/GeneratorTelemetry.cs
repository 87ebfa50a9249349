using System.Diagnostics;

namespace Pipeline.Generator;

/// <summary>The generator's spans. The name falls under <c>Pipeline.*</c>, which the shared telemetry providers listen to.</summary>
public static class GeneratorTelemetry
{
    public const string SourceName = "Pipeline.Generator";

    public static readonly ActivitySource Source = new(SourceName);
}
