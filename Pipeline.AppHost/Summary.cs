using Pipeline.AppHost.Deployment;
using Pipeline.AppHost.Resources;
using Pipeline.Aws.Lambda;

namespace Pipeline.AppHost;

/// <summary>What the user needs once everything is up: the endpoint, the names, where the data lands.</summary>
internal static class Summary
{
    public static void Print(TextWriter output, AppHostOptions options, LocalCloudResource cloud, LocalDeployment deployment, FunctionConfiguration transformer)
    {
        output.WriteLine();
        output.WriteLine($"Pipeline is running. LocalCloud: {cloud.Endpoint} (any credentials; region {cloud.Options.Region})");
        output.WriteLine($"  data directory     {cloud.Options.DataDirectory} (objects under s3/objects/<bucket>/<key>/)");
        output.WriteLine($"  data lake          s3://{deployment.DataLakeBucket}/");
        output.WriteLine($"  transformer        {transformer.FunctionArn}");
        foreach (var stream in deployment.Streams)
        {
            output.WriteLine($"  {stream.Dataset,-18} {stream.StreamName} -> s3://{deployment.DataLakeBucket}/{stream.RawPrefix}");
            output.WriteLine($"  {"",-18} errors to s3://{deployment.DataLakeBucket}/{stream.ErrorPrefix}");
        }

        output.WriteLine(options.GeneratorRate > 0
            ? $"  generator          {options.GeneratorRate} records/s per dataset"
            : "  generator          off (--generator-rate 0)");
        output.WriteLine();
        output.WriteLine($"Try: aws --endpoint-url {cloud.Endpoint.ToString().TrimEnd('/')} s3 ls --recursive s3://{deployment.DataLakeBucket}/");
        output.WriteLine("Ctrl+C stops everything.");
    }
}
