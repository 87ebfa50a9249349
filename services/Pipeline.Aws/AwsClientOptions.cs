using Amazon.Runtime;

namespace Pipeline.Aws;

/// <summary>
/// How clients reach AWS. Every property is optional: unset ones come from the standard AWS chain (environment
/// variables, shared config and credentials files, SSO, instance metadata), as the AWS SDKs resolve them.
/// The AWS SDK's clients (S3, SQS) take <see cref="Region"/>, <see cref="Endpoint"/>, <see cref="MaxAttempts"/> and
/// <see cref="Credentials"/>; the rest tunes the thin clients only.
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>The region, e.g. <c>us-east-1</c>; null resolves <c>AWS_REGION</c>, <c>AWS_DEFAULT_REGION</c>, then the SDK's region chain.</summary>
    public string? Region { get; init; }

    /// <summary>
    /// One endpoint for every service (a local cloud); wins over <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> and
    /// <c>AWS_ENDPOINT_URL</c>. Requests are still signed for the real service name and region.
    /// </summary>
    public Uri? Endpoint { get; init; }

    /// <summary>Attempts per call including the first, as the AWS "standard" retry mode counts them (default 3).</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Fixed credentials (tests, local clouds); null uses AWSSDK.Core's default credentials chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>The HttpClient to send with; null shares one pooled client per process. The caller owns a client it passes.</summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>The clock for signing and for backoff delays.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The first retry's maximum backoff; each later retry doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The cap on any single backoff delay.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Source of jitter in [0, 1); full jitter multiplies each backoff ceiling by it. Tests pin it.</summary>
    public Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>Waits between attempts; null waits on <see cref="TimeProvider"/>. Tests record the delays instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task>? Delay { get; init; }

    /// <summary>Reads environment variables; tests substitute a dictionary.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;
}
