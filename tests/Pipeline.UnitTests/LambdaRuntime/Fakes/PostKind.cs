namespace Pipeline.UnitTests.LambdaRuntime.Fakes;

/// <summary>Which Runtime API endpoint the runtime posted to.</summary>
internal enum PostKind
{
    Response,
    InvocationError,
    InitError,
}
