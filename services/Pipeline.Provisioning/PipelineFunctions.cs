using Pipeline.Aws.Lambda;
using Pipeline.AwsShapes.Lambda;

namespace Pipeline.Provisioning;

/// <summary>The four functions of the local deployment, as LocalCloud's Lambda reports them.</summary>
public sealed record PipelineFunctions(
    FunctionConfiguration Transformer,
    FunctionConfiguration CrawlerTrigger,
    FunctionConfiguration EtlRunner,
    FunctionConfiguration Notifier)
{
    public IEnumerable<FunctionConfiguration> All => [Transformer, CrawlerTrigger, EtlRunner, Notifier];
}
