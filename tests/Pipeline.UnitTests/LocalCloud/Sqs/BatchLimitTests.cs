using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sqs.Api;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>Batches are checked whole before any entry is processed, with AWS's codes.</summary>
public sealed class BatchLimitTests
{
    [Fact]
    public void Eleven_entries_are_TooManyEntriesInBatchRequest()
    {
        var error = Assert.Throws<AwsServiceException>(() => SqsOperations.CheckBatch(Enumerable.Range(0, 11).Select(i => (string?)$"m{i}").ToArray()));

        Assert.Equal("TooManyEntriesInBatchRequest", error.Code);
    }

    [Fact]
    public void Ten_distinct_entries_are_accepted() =>
        SqsOperations.CheckBatch(Enumerable.Range(0, 10).Select(i => (string?)$"m-{i}_x").ToArray());

    [Theory]
    [InlineData("EmptyBatchRequest")]
    [InlineData("BatchEntryIdsNotDistinct", "a", "a")]
    [InlineData("InvalidBatchEntryId", "not ok")]
    public void Malformed_batches_are_refused(string code, params string[] ids)
    {
        var error = Assert.Throws<AwsServiceException>(() => SqsOperations.CheckBatch(ids));

        Assert.Equal(code, error.Code);
    }
}
