namespace Pipeline.LocalCloud.Lambda;

/// <summary>Lambda's quotas, as AWS enforces them; the numbers appear in AWS's own error messages.</summary>
internal static class LambdaLimits
{
    /// <summary>A synchronous invocation's request payload: "Request must be smaller than 6291456 bytes for the InvokeFunction operation".</summary>
    public const int SyncRequestBytes = 6_291_456;

    /// <summary>An asynchronous (<c>Event</c>) invocation's payload: 256 KB.</summary>
    public const int EventRequestBytes = 262_144;

    /// <summary>What the Runtime API takes as a response; Lambda's real threshold is 6 MB plus 100 bytes.</summary>
    public const int ResponseBytes = 6_291_556;

    /// <summary>The largest error document or response body the Runtime API reads; beyond it the runtime gets 413.</summary>
    public const int RuntimeErrorBytes = ResponseBytes;

    /// <summary>A CreateFunction or UpdateFunctionCode request with the zip inline (base64): Lambda's 70,167,211 bytes.</summary>
    public const int DeploymentRequestBytes = 70_167_211;

    /// <summary>The unzipped deployment package: "Unzipped size must be smaller than 262144000 bytes".</summary>
    public const long UnzippedCodeBytes = 262_144_000;

    public const int MinTimeoutSeconds = 1;
    public const int MaxTimeoutSeconds = 900;
    public const int DefaultTimeoutSeconds = 3;
    public const int MinMemoryMb = 128;
    public const int MaxMemoryMb = 10_240;
    public const int DefaultMemoryMb = 128;
    public const int MaxFunctionNameLength = 64;
    public const int MaxDescriptionLength = 256;

    /// <summary>Environment variables, keys and values together: 4 KB.</summary>
    public const int EnvironmentBytes = 4096;

    public const int DefaultListItems = 50;
    public const int MaxListItems = 10_000;
}
