using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace Pipeline.Aws.Core;

/// <summary>Hands out current credentials: fixed ones, or AWSSDK.Core's default chain (environment, profile, SSO, container, instance).</summary>
internal sealed class AwsCredentialSource
{
    // One resolver per process: it caches what it found and watches the shared files, so sharing keeps that cache warm.
    private static readonly Lazy<DefaultAWSCredentialsIdentityResolver> DefaultResolver = new(() => new DefaultAWSCredentialsIdentityResolver());

    private readonly AWSCredentials? _fixed;

    public AwsCredentialSource(AWSCredentials? credentials) => _fixed = credentials;

    public async ValueTask<ImmutableCredentials> GetAsync(CancellationToken cancellationToken)
    {
        // The resolver reads only a profile override from a client config, and these clients have none.
        var credentials = _fixed ?? await DefaultResolver.Value.ResolveIdentityAsync(null!, cancellationToken).ConfigureAwait(false);

        // Refreshing credentials (SSO, assume-role, instance) renew themselves inside GetCredentialsAsync.
        return await credentials.GetCredentialsAsync().ConfigureAwait(false);
    }
}
