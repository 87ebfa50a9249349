using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace Pipeline.UnitTests.Aws.Fakes;

/// <summary>The least ClientConfig AWSSDK.Core's AWS4Signer accepts, so tests can sign with the SDK for comparison.</summary>
internal sealed class SdkSignerConfig(string signingName)
    : ClientConfig(new DefaultConfigurationProvider([new DefaultConfiguration { Name = DefaultConfigurationMode.Standard, RetryMode = RequestRetryMode.Standard }]))
{
    public override string RegionEndpointServiceName => signingName;

    public override string ServiceVersion => "test";

    public override string UserAgent => "test";

    public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) => throw new NotSupportedException();
}
