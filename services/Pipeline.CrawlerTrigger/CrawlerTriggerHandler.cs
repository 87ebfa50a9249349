using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pipeline.Contracts.Aws.Sqs;
using Pipeline.CrawlerTrigger.Triggering;
using Pipeline.LambdaRuntime;

namespace Pipeline.CrawlerTrigger;

/// <summary>
/// The Lambda handler: opens a consumer span that continues the messages' trace (the parent when the whole batch
/// carries one, links otherwise), runs <see cref="CrawlerStarter"/> and reports the partial-batch response.
/// </summary>
public sealed partial class CrawlerTriggerHandler(CrawlerStarter starter, ILogger<CrawlerTriggerHandler> logger)
{
    public async Task<SqsBatchResponse> HandleAsync(SqsEvent invocation, LambdaContext context, CancellationToken cancellationToken)
    {
        var contexts = invocation.Records
            .Select(m => MessageTraceContext.TryGet(m, out var c) ? c : default)
            .Where(c => c != default)
            .Distinct()
            .ToArray();
        var parent = contexts.Length == 1 ? contexts[0] : Activity.Current?.Context ?? default;
        using var activity = CrawlerTriggerTelemetry.Source.StartActivity(
            "CrawlerTrigger process",
            ActivityKind.Consumer,
            parent,
            links: contexts.Select(c => new ActivityLink(c)));
        activity?.SetTag("faas.invocation_id", context.AwsRequestId);
        activity?.SetTag("messaging.system", "aws_sqs");
        activity?.SetTag("messaging.batch.message_count", invocation.Records.Count);

        var outcome = await starter.ProcessAsync(invocation, cancellationToken).ConfigureAwait(false);

        var failed = outcome.Response.BatchItemFailures.Count;
        var acknowledged = invocation.Records.Count - failed;
        CrawlerTriggerTelemetry.Messages.Add(acknowledged, new KeyValuePair<string, object?>("result", "acknowledged"));
        CrawlerTriggerTelemetry.Messages.Add(failed, new KeyValuePair<string, object?>("result", "redelivered"));
        activity?.SetTag("pipeline.messages.acknowledged", acknowledged);
        activity?.SetTag("pipeline.messages.failed", failed);
        activity?.SetTag("pipeline.crawlers.started", string.Join(",", outcome.StartedCrawlers));
        if (failed > 0)
        {
            activity?.SetStatus(ActivityStatusCode.Error, $"{failed} message(s) left for redelivery");
        }

        LogInvocation(invocation.Records.Count, acknowledged, failed, outcome.StartedCrawlers.Count);
        return outcome.Response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {Count} messages: {Acknowledged} acknowledged, {Failed} left for redelivery, {Started} crawler(s) started")]
    private partial void LogInvocation(int count, int acknowledged, int failed, int started);
}
