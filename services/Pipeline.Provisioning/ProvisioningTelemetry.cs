using System.Diagnostics;

namespace Pipeline.Provisioning;

internal static class ProvisioningTelemetry
{
    public static readonly ActivitySource Source = new("Pipeline.Provisioning");
}
