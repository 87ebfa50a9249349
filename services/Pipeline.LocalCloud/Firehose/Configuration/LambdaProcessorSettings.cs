namespace Pipeline.LocalCloud.Firehose.Configuration;

/// <summary>The Lambda processor's parameters with AWS's defaults applied.</summary>
/// <param name="LambdaArn">The function to invoke (an ARN or a name).</param>
/// <param name="NumberOfRetries">Retries after a failed invocation (default 3).</param>
/// <param name="BufferSizeBytes">Record bytes per invocation (BufferSizeInMBs, 0.2–3 MB, default 1 MB).</param>
/// <param name="BufferInterval">Accepted and described, not used: LocalCloud invokes the function when it delivers.</param>
internal sealed record LambdaProcessorSettings(string LambdaArn, int NumberOfRetries, long BufferSizeBytes, TimeSpan BufferInterval);
