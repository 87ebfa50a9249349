using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalCloud.Hosting;

namespace Pipeline.LocalCloud.Processes;

/// <summary>
/// What every process LocalCloud starts (a function's bootstrap, a Glue job's script) gets in its environment: from
/// LocalCloud's own environment only what a process needs to run here (PATH, HOME, locale, the .NET root) and
/// <c>OTEL_*</c>, so telemetry reaches the same collector; then LocalCloud's endpoint, region and dummy credentials.
/// Nothing else leaks in, so a program that works locally does not lean on the developer's shell (or their real AWS
/// credentials).
/// </summary>
internal static class ChildEnvironment
{
    /// <summary>The credentials every child gets; LocalCloud checks no signatures.</summary>
    public const string AccessKeyId = "test";

    public const string SecretAccessKey = "test";

    private const string ServiceNameVariable = "OTEL_SERVICE_NAME";

    private const string ResourceAttributesVariable = "OTEL_RESOURCE_ATTRIBUTES";

    private static readonly string[] Inherited =
    [
        "PATH", "HOME", "USER", "LANG", "LC_ALL", "TMPDIR", "LD_LIBRARY_PATH", "SSL_CERT_FILE", "SSL_CERT_DIR",
        "DOTNET_ROOT", "DOTNET_ROOT_X64", "DOTNET_CLI_HOME",
    ];

    /// <summary>
    /// The inherited part and <c>AWS_ENDPOINT_URL</c>; <c>OTEL_SERVICE_NAME</c> is <paramref name="serviceName"/> when
    /// telemetry is exported, as LocalCloud's own name and resource attributes would file the child's telemetry under LocalCloud.
    /// </summary>
    public static Dictionary<string, string> Inherit(IReadOnlyDictionary<string, string> host, string endpointUrl, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(host);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in Inherited)
        {
            if (host.TryGetValue(name, out var value))
            {
                environment[name] = value;
            }
        }

        foreach (var (name, value) in host)
        {
            if (name.StartsWith("OTEL_", StringComparison.Ordinal) && name is not (ServiceNameVariable or ResourceAttributesVariable))
            {
                environment[name] = value;
            }
        }

        environment.TryAdd("PATH", "/usr/local/bin:/usr/bin:/bin");
        environment.TryAdd("LANG", "C.UTF-8");
        environment["TZ"] = ":UTC";
        environment["AWS_ENDPOINT_URL"] = endpointUrl;
        if (host.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"))
        {
            environment[ServiceNameVariable] = serviceName;
        }

        return environment;
    }

    /// <summary>Region and credentials: set last, so nothing the child is configured with changes them.</summary>
    public static void SetAws(Dictionary<string, string> environment, string region)
    {
        ArgumentNullException.ThrowIfNull(environment);
        environment["AWS_REGION"] = region;
        environment["AWS_DEFAULT_REGION"] = region;
        environment["AWS_ACCESS_KEY_ID"] = AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey;
    }

    /// <summary>LocalCloud's own environment, read once.</summary>
    public static IReadOnlyDictionary<string, string> Current()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <summary>LocalCloud's own address, for <c>AWS_ENDPOINT_URL</c>: the configured port, else the one Kestrel chose.</summary>
    public static string EndpointUrl(LocalCloudOptions cloud, IServer? server)
    {
        ArgumentNullException.ThrowIfNull(cloud);
        if (cloud.Port != 0)
        {
            return $"http://127.0.0.1:{cloud.Port}";
        }

        var address = server?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return address is null ? "http://127.0.0.1:4566" : new Uri(address).GetLeftPart(UriPartial.Authority);
    }
}
