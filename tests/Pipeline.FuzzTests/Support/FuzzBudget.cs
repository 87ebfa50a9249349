using System.Globalization;

namespace Pipeline.FuzzTests.Support;

/// <summary>
/// How long each fuzz target samples: <c>PIPELINE_FUZZ_SECONDS</c> seconds (default 45), shared among the target's
/// properties, so <c>dotnet test</c> stays within a few minutes on two cores while a developer can run for hours.
/// </summary>
public static class FuzzBudget
{
    public const string Variable = "PIPELINE_FUZZ_SECONDS";

    public const int DefaultSeconds = 45;

    /// <summary>The seconds one target samples for.</summary>
    public static int TargetSeconds { get; } = Read();

    /// <summary>A property's part of its target's budget, at least one second.</summary>
    public static int Seconds(double share) => Math.Max(1, (int)Math.Round(TargetSeconds * share, MidpointRounding.AwayFromZero));

    private static int Read()
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 ? seconds : DefaultSeconds;
    }
}
