using System.Diagnostics;
using System.Runtime.InteropServices;
using Pipeline.Aws;
using Pipeline.LocalGlueJob;
using Pipeline.ServiceDefaults.Telemetry;

// The local pipeline_etl.py: LocalCloud runs this program for a Glue job whose script is pipeline_etl.py, with
// Glue's arguments, AWS_ENDPOINT_URL pointing at itself, stdout and stderr going to the run's log. Exit code 0 is a
// SUCCEEDED run; otherwise the last line on stderr is the run's ErrorMessage. docs/local-glue-jobs.md.
Lifeline.Watch();
using var telemetry = TelemetryProviders.Start(TelemetryOptions.FromEnvironment("pipeline-local-glue-job"));
using var stop = new CancellationTokenSource();
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    // A stopped or timed-out run: DuckDB is interrupted and the run's temporary files removed before exiting.
    context.Cancel = true;
    stop.Cancel();
});

try
{
    var arguments = EtlArguments.FromCommandLine(args);
    var jobName = arguments.GetValueOrDefault("--JOB_NAME") ?? throw new FormatException("missing job arguments: --JOB_NAME");
    var runId = arguments.GetValueOrDefault("--JOB_RUN_ID") ?? throw new FormatException("missing job arguments: --JOB_RUN_ID");

    // The run continues the trace LocalCloud hands over, the OpenTelemetry way for a child process.
    ActivityContext.TryParse(Environment.GetEnvironmentVariable("TRACEPARENT"), null, out var parent);
    using (var activity = JobTelemetry.Source.StartActivity("pipeline_etl.py", ActivityKind.Internal, parent))
    {
        activity?.SetTag("aws.glue.job", jobName);
        activity?.SetTag("aws.glue.job_run_id", runId);
        var aws = AwsClientFactory.FromEnvironment();
        using var s3 = aws.CreateS3();
        var script = new PipelineEtlScript(aws.CreateGlue(), new S3ObjectStorage(s3), Path.GetTempPath());
        await script.RunAsync(new JobRunContext(jobName, runId, arguments, Console.Out), stop.Token);
    }

    return 0;
}
catch (Exception e)
{
    // The whole error for the log, then its message alone as the last line: the run's ErrorMessage.
    Console.Error.WriteLine(e.ToString());
    Console.Error.WriteLine(e.Message.ReplaceLineEndings(" "));
    return 1;
}
