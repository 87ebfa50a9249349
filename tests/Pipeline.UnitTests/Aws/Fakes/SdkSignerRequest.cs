using Amazon.Runtime;

namespace Pipeline.UnitTests.Aws.Fakes;

/// <summary>The SDK's DefaultRequest needs an AmazonWebServiceRequest; this one carries nothing.</summary>
internal sealed class SdkSignerRequest : AmazonWebServiceRequest;
