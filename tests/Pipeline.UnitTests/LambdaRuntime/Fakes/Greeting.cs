namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>The tests' event.</summary>
internal sealed record Greeting(string Name);
