using Pipeline.LocalCloud.Lambda;
using Pipeline.LocalCloud.Lambda.EventSources;
using Pipeline.UnitTests.LocalCloud.LambdaService.EventSources.Fakes;

namespace Pipeline.UnitTests.LocalCloud.LambdaService.EventSources;

/// <summary>Which messages of a batch are deleted, by Lambda's rules for function errors and ReportBatchItemFailures.</summary>
public sealed class BatchItemFailureTests
{
    private static readonly IReadOnlyList<Pipeline.LocalCloud.Sqs.SqsReceivedMessage> Batch =
        [ScriptedQueue.Message("m1"), ScriptedQueue.Message("m2"), ScriptedQueue.Message("m3")];

    private static List<string> Deleted(FunctionInvocationResult result, bool reportFailures = true) =>
        BatchResponse.ToDelete(Batch, result, reportFailures).Select(m => m.MessageId).ToList();

    [Fact]
    public void A_function_error_deletes_nothing() => Assert.Empty(Deleted(ScriptedFunction.Fails()));

    [Fact]
    public void Reported_failures_stay_and_the_rest_are_deleted() =>
        Assert.Equal(["m1", "m3"], Deleted(ScriptedFunction.Returns("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}")));

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("{\"batchItemFailures\":null}")]
    [InlineData("{\"batchItemFailures\":[]}")]
    public void An_empty_response_or_list_is_a_complete_success(string response) =>
        Assert.Equal(["m1", "m2", "m3"], Deleted(ScriptedFunction.Returns(response)));

    [Theory]
    [InlineData("{not json")]
    [InlineData("\"done\"")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"m9\"}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}")]
    [InlineData("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}")]
    [InlineData("{\"batchItemFailures\":[{\"id\":\"m2\"}]}")]
    [InlineData("{\"batchItemFailures\":\"m2\"}")]
    public void An_invalid_response_or_unknown_identifier_fails_the_whole_batch(string response) =>
        Assert.Empty(Deleted(ScriptedFunction.Returns(response)));

    [Fact]
    public void Without_report_batch_item_failures_a_success_deletes_everything() =>
        Assert.Equal(["m1", "m2", "m3"], Deleted(ScriptedFunction.Returns("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}"), reportFailures: false));
}
