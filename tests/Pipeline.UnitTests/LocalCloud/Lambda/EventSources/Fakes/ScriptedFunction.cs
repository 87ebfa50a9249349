using System.Text;
using System.Text.Json;
using Pipeline.LocalCloud.Lambda;

namespace Pipeline.UnitTests.LocalCloud.LambdaService.EventSources.Fakes;

/// <summary>A function answering every invocation with <paramref name="answer"/>, keeping the events it was given.</summary>
internal sealed class ScriptedFunction(Func<JsonElement, FunctionInvocationResult> answer) : IFunctionInvoker
{
    public List<JsonElement> Events { get; } = [];

    public static FunctionInvocationResult Returns(string json) => new(Encoding.UTF8.GetBytes(json), null);

    public static FunctionInvocationResult Fails() => new("{\"errorMessage\":\"boom\",\"errorType\":\"Error\"}"u8.ToArray(), "Unhandled");

    public Task<FunctionInvocationResult> InvokeAsync(string functionNameOrArn, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        var element = JsonDocument.Parse(payload).RootElement.Clone();
        Events.Add(element);
        return Task.FromResult(answer(element));
    }
}
