namespace Pipeline.LocalCloud.Lambda.Api;

/// <summary>PutFunctionConcurrency's body and the <c>Concurrency</c> shape Lambda answers with.</summary>
internal sealed class ConcurrencyDocument
{
    public int? ReservedConcurrentExecutions { get; set; }
}
