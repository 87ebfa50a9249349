using System.Diagnostics;

namespace Pipeline.LocalCloud.S3;

/// <summary>Spans of S3's own work (event notifications), under <c>Pipeline.LocalCloud.S3</c>.</summary>
internal static class S3Telemetry
{
    public const string Name = "Pipeline.LocalCloud.S3";

    public static readonly ActivitySource Source = new(Name);
}
