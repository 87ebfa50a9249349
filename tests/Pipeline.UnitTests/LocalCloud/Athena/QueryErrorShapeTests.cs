using Pipeline.LocalCloud.Athena.Sql;

namespace Pipeline.UnitTests.LocalCloud.Athena;

/// <summary>Queries that cannot run fail with Athena's message, category and error type, never with a crash.</summary>
public sealed class QueryErrorShapeTests : IAsyncLifetime
{
    private AthenaHarness _harness = null!;

    public async Task InitializeAsync() => _harness = await AthenaHarness.CreateAsync();

    public Task DisposeAsync()
    {
        _harness.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData("SELECT * FROM missing", "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.tele.missing' does not exist", 1006)]
    [InlineData("SELECT * FROM nowhere.events_json", "SCHEMA_NOT_FOUND: line 1:15: Schema 'nowhere' does not exist", 1006)]
    [InlineData("SELECT nope FROM events_json", "COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved or requester is not authorized to access requested resources", 1006)]
    [InlineData("SELECT no_such_function(vin) FROM events_json", "FUNCTION_NOT_FOUND: line 1:8: Function 'no_such_function' not registered", 1006)]
    [InlineData("SELECT CAST(vendor AS integer) FROM events_json", "INVALID_CAST_ARGUMENT: Cannot cast 'acme' to INT", 1001)]
    [InlineData("DESCRIBE ev\u0001ents", "TABLE_NOT_FOUND: line 1:1: Table 'awsdatacatalog.tele.ev\u0001ents' does not exist", 1006)]
    [InlineData("SELECT * FROM \"ev\u0001ents\"", "TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.tele.ev\u0001ents' does not exist", 1006)]
    [InlineData("SELECT ?1", "INVALID_PARAMETER_USAGE: line 1:1: Incorrect number of parameters: expected 1 but found 0", 1006)]
    [InlineData("SELECT vin FROM events_json WHERE vin = ?", "INVALID_PARAMETER_USAGE: line 1:1: Incorrect number of parameters: expected 1 but found 0", 1006)]
    public async Task Fails_like_athena(string sql, string message, int errorType)
    {
        var error = await Assert.ThrowsAsync<AthenaQueryException>(() => _harness.RunAsync(sql));

        Assert.True(message == error.Message, error.Message);
        Assert.Equal((2, errorType, false), (error.ErrorCategory, error.ErrorType, error.Retryable));
    }

    [Fact]
    public async Task Unreadable_json_is_a_data_error()
    {
        await using (var content = new MemoryStream("{\"vin\": \"V1\"\nnot json\n"u8.ToArray()))
        {
            await _harness.Store.PutObjectAsync(AthenaHarness.Bucket, "json/month=01/day=01/broken.json", content, new Pipeline.LocalCloud.Storage.ObjectWriteOptions());
        }

        var error = await Assert.ThrowsAsync<AthenaQueryException>(() => _harness.RunAsync("SELECT count(vin) FROM events_json WHERE month = '01' AND day = '01'"));

        Assert.True(error.Message.StartsWith("HIVE_CURSOR_ERROR: ", StringComparison.Ordinal), error.Message);
        Assert.Equal(1001, error.ErrorType);
    }
}
