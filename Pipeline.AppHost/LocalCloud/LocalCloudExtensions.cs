using System.Globalization;
using System.Reflection;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Pipeline.AppHost.LocalCloud;

/// <summary>LocalCloud in the app model: every AWS service of the pipeline on one loopback port.</summary>
public static class LocalCloudExtensions
{
    /// <summary>LocalCloud's readiness probe; outside every AWS path (a bucket named <c>health</c> would own <c>/health</c>).</summary>
    public const string HealthPath = "/_localcloud/health";

    public const string EndpointName = "aws";

    public const string Region = "us-east-1";

    /// <summary>
    /// Runs LocalCloud on <c>127.0.0.1:<paramref name="port"/></c> with its state in <paramref name="dataDirectory"/>,
    /// healthy once every service answers. The port is fixed, not proxied: the AWS CLI and SDKs on the developer's
    /// machine use it too.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddLocalCloud(this IDistributedApplicationBuilder builder, string name, int port, string dataDirectory)
    {
        var connection = new LocalCloudConnection(new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), Region, dataDirectory);
        builder.Services.AddSingleton(connection);
        return builder.AddProject<Projects.Pipeline_LocalCloud>(name)
            .WithArgs("--port", port.ToString(CultureInfo.InvariantCulture), "--data-dir", dataDirectory, "--region", Region)
            .WithHttpEndpoint(port: port, targetPort: port, name: EndpointName, isProxied: false)
            .WithHttpHealthCheck(HealthPath, endpointName: EndpointName)
            .WithUrlForEndpoint(EndpointName, url => url.DisplayText = "AWS endpoint (any credentials)")
            .WithAnnotation(new LocalCloudAnnotation(connection));
    }

    /// <summary>Where the LocalCloud resource <paramref name="cloud"/> answers.</summary>
    public static LocalCloudConnection Connection(this IResourceBuilder<ProjectResource> cloud) =>
        cloud.Resource.Annotations.OfType<LocalCloudAnnotation>().SingleOrDefault()?.Connection
        ?? throw new InvalidOperationException($"{cloud.Resource.Name} is not a LocalCloud resource (AddLocalCloud).");

    /// <summary>
    /// Points the resource's AWS SDK at LocalCloud the standard way (<c>AWS_ENDPOINT_URL</c>, region, credentials),
    /// as it would point at AWS with nothing set.
    /// </summary>
    public static IResourceBuilder<T> WithLocalCloud<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProjectResource> cloud)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        var connection = cloud.Connection();
        return builder
            .WithEnvironment("AWS_ENDPOINT_URL", connection.Url)
            .WithEnvironment("AWS_REGION", connection.Region)
            .WithEnvironment("AWS_DEFAULT_REGION", connection.Region)
            .WithEnvironment("AWS_ACCESS_KEY_ID", LocalCloudConnection.AccessKeyId)
            .WithEnvironment("AWS_SECRET_ACCESS_KEY", LocalCloudConnection.SecretAccessKey)
            .WaitFor(cloud);
    }

    /// <summary>
    /// Has LocalCloud run a Glue job whose script is <paramref name="scriptFileName"/> (e.g. <c>pipeline_etl.py</c>)
    /// as the built program of <paramref name="project"/>, a <c>&lt;PipelineExecutable&gt;</c> of the app host
    /// (docs/local-glue-jobs.md).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGlueJobScript(this IResourceBuilder<ProjectResource> cloud, string scriptFileName, string project)
    {
        var key = "Executable:" + project;
        var path = typeof(LocalCloudExtensions).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"{project} is not a <PipelineExecutable> of the app host.");
        return cloud.WithEnvironment($"LocalCloud__Glue__Scripts__{scriptFileName}", path);
    }
}
