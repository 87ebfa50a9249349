namespace Pipeline.Provisioning;

/// <summary>What the user needs once everything is provisioned: the endpoint, the names, where the data lands.</summary>
internal static class Summary
{
    public static void Print(TextWriter output, Uri? endpoint, string dataDirectory, DeployedPipeline pipeline)
    {
        var deployment = pipeline.Deployment;
        var names = pipeline.Names;
        var url = endpoint?.ToString().TrimEnd('/') ?? "(the AWS endpoints)";
        output.WriteLine($"Provisioned. Endpoint: {url}");
        output.WriteLine($"  data directory     {dataDirectory} (objects under s3/objects/<bucket>/<key>/)");
        output.WriteLine($"  data lake          s3://{deployment.DataLakeBucket}/");
        foreach (var function in pipeline.Functions.All)
        {
            output.WriteLine($"  function           {function.FunctionArn}");
        }

        foreach (var stream in deployment.Streams)
        {
            output.WriteLine($"  {stream.Dataset,-18} {stream.StreamName} -> s3://{deployment.DataLakeBucket}/{stream.RawPrefix}");
            output.WriteLine($"  {"",-18} errors to s3://{deployment.DataLakeBucket}/{stream.ErrorPrefix}");
        }

        output.WriteLine($"  catalog            database {names.Database}: raw_<dataset> (JSON) and <dataset>_stage (Parquet under s3://{names.DataLakeBucket}/stage/)");
        output.WriteLine($"  notifications      topic {names.NotificationTopic}, kept in {Path.Combine(dataDirectory, "sns", names.NotificationTopic, "messages.jsonl")}");
        output.WriteLine($"  alarms             topic {names.AlarmTopic}, kept in {Path.Combine(dataDirectory, "sns", names.AlarmTopic, "messages.jsonl")}");
        output.WriteLine($"  athena             workgroup {names.WorkGroup}, results in {names.AthenaOutput}");
        output.WriteLine($"Try: aws --endpoint-url {url} s3 ls --recursive s3://{deployment.DataLakeBucket}/");
    }
}
