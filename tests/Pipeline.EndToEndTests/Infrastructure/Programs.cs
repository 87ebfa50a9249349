using Pipeline.Provisioning;

namespace Pipeline.EndToEndTests.Infrastructure;

/// <summary>The built programs the tests run as real processes.</summary>
internal static class Programs
{
    public static string LocalCloud => Executables.PathOf("Pipeline.LocalCloud", typeof(Programs).Assembly);

    public static string Generator => Executables.PathOf("Pipeline.Generator", typeof(Programs).Assembly);

    /// <summary>The local Glue job, which LocalCloud runs for pipeline_etl.py as the app host has it do.</summary>
    public static string LocalGlueJob => Executables.PathOf("Pipeline.LocalGlueJob", typeof(Programs).Assembly);
}
