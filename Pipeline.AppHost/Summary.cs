using Pipeline.AppHost.Deployment;
using Pipeline.AppHost.Resources;

namespace Pipeline.AppHost;

/// <summary>What the user needs once everything is up: the endpoint, the names, where the data lands.</summary>
internal static class Summary
{
    public static void Print(TextWriter output, AppHostOptions options, LocalCloudResource cloud, LocalDeployment deployment, PipelineFunctions functions)
    {
        output.WriteLine();
        output.WriteLine($"Pipeline is running. LocalCloud: {cloud.Endpoint} (any credentials; region {cloud.Options.Region})");
        output.WriteLine($"  data directory     {cloud.Options.DataDirectory} (objects under s3/objects/<bucket>/<key>/)");
        output.WriteLine($"  data lake          s3://{deployment.DataLakeBucket}/");
        foreach (var function in functions.All)
        {
            output.WriteLine($"  function           {function.FunctionArn}");
        }

        foreach (var stream in deployment.Streams)
        {
            output.WriteLine($"  {stream.Dataset,-18} {stream.StreamName} -> s3://{deployment.DataLakeBucket}/{stream.RawPrefix}");
            output.WriteLine($"  {"",-18} errors to s3://{deployment.DataLakeBucket}/{stream.ErrorPrefix}");
        }

        var names = deployment.Names;
        output.WriteLine($"  catalog            database {names.Database}: raw_<dataset> (JSON) and <dataset>_stage (Parquet under s3://{names.DataLakeBucket}/stage/)");
        output.WriteLine($"  notifications      topic {names.NotificationTopic}, printed here and kept in {Path.Combine(cloud.Options.DataDirectory, "sns", names.NotificationTopic, "messages.jsonl")}");
        output.WriteLine($"  athena             workgroup {names.WorkGroup}, results in {names.AthenaOutput}");
        output.WriteLine(options.GeneratorRate > 0
            ? $"  generator          {options.GeneratorRate} records/s per dataset"
            : "  generator          off (--generator-rate 0)");
        output.WriteLine();
        output.WriteLine($"Try: aws --endpoint-url {cloud.Endpoint.ToString().TrimEnd('/')} s3 ls --recursive s3://{deployment.DataLakeBucket}/");
        output.WriteLine($"     aws --endpoint-url {cloud.Endpoint.ToString().TrimEnd('/')} athena start-query-execution --work-group {names.WorkGroup} --query-string \"SELECT vendor, avg(vehicle_status_speed_kmh) FROM {names.Database}.vehicle_telemetry_stage GROUP BY 1\"");
        output.WriteLine("Ctrl+C stops everything.");
    }
}
