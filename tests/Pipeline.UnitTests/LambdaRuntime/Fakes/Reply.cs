namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>The tests' response.</summary>
internal sealed record Reply(string Message);
