using Pipeline.LocalCloud.Hosting;
using Pipeline.LocalCloud.Sqs;
using Pipeline.UnitTests.LocalCloud.Sqs.Fakes;

namespace Pipeline.UnitTests.LocalCloud.Sqs;

/// <summary>
/// SQS takes only the characters XML can carry (#x9, #xA, #xD, #x20 to #xD7FF, #xE000 to #xFFFD, #x10000 up), in the
/// body and in attribute values; anything else is InvalidMessageContents and never stored, since no Query-protocol
/// receive could return it (found by the protocol fuzzer).
/// </summary>
public sealed class MessageContentsTests
{
    private readonly SqsTestBed _bed = new();

    public MessageContentsTests() => _bed.Store.Create("q", null);

    [Theory]
    [InlineData("a\u0001b", "#x1")]
    [InlineData("nul\u0000", "#x0")]
    [InlineData("\uffff", "#xFFFF")]
    public async Task A_body_with_a_character_xml_cannot_carry_is_refused(string body, string character)
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.Store.SendAsync("q", body));

        Assert.Equal("InvalidMessageContents", error.Code);
        Assert.Contains($"'{character}'", error.Message);
        Assert.Empty(await _bed.ReceiveNowAsync("q"));
    }

    [Fact]
    public async Task A_body_with_a_lone_surrogate_is_refused()
    {
        // Not theory data: xunit's serialisation of theory arguments would replace the lone surrogate.
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.Store.SendAsync("q", "lone \ud800 surrogate"));

        Assert.Equal("InvalidMessageContents", error.Code);
        Assert.Contains("'#xD800'", error.Message);
    }

    [Fact]
    public async Task An_attribute_value_with_a_control_character_is_refused()
    {
        var attributes = new Dictionary<string, SqsMessageAttribute> { ["k"] = new("String", "v\u0002", null) };

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => _bed.Store.SendAsync("q", "ok", attributes));

        Assert.Equal("InvalidMessageContents", error.Code);
    }

    [Fact]
    public async Task Tabs_newlines_and_astral_characters_are_kept()
    {
        const string body = "tab\tline\nreturn\r emoji \U0001F697 private \uE000";

        await _bed.Store.SendAsync("q", body);

        Assert.Equal(body, Assert.Single(await _bed.ReceiveNowAsync("q")).Body);
    }
}
