using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using Pipeline.Aws.Core;
using Pipeline.UnitTests.Aws.Fakes;
using Xunit;

namespace Pipeline.UnitTests.Aws;

/// <summary>Our SigV4 signer produces AWS's own signatures: the documented example, and AWSSDK.Core's signer byte for byte.</summary>
public sealed class SigV4SignatureTests
{
    [Fact]
    public void Reproduces_the_signature_of_the_aws_documentation_example()
    {
        // The IAM ListUsers example of the AWS General Reference's "Signature Version 4 signing process" pages.
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
        {
            Content = new ByteArrayContent([]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/x-www-form-urlencoded; charset=utf-8");

        AwsSigV4Signer.Sign(
            request,
            [],
            new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null),
            "us-east-1",
            "iam",
            new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));

        Assert.Equal(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7",
            string.Join(",", request.Headers.GetValues("Authorization")));
    }

    [Theory]
    [InlineData("http://127.0.0.1:4566/", "firehose", "Firehose_20150804.PutRecordBatch", "application/x-amz-json-1.1")]
    [InlineData("https://sqs.eu-west-1.amazonaws.com/", "sqs", "AmazonSQS.SendMessage", "application/x-amz-json-1.0")]
    [InlineData("http://localhost:4566/", "events", "AWSEvents.PutEvents", "application/x-amz-json-1.1")]
    public void Matches_awssdk_cores_AWS4Signer_for_a_json_protocol_post(string endpoint, string signingName, string target, string contentType)
    {
        var body = Encoding.UTF8.GetBytes("""{"DeliveryStreamName":"s","Records":[{"Data":"aGk="}]}""");
        var at = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        var sdkRequest = new DefaultRequest(new SdkSignerRequest(), signingName)
        {
            HttpMethod = "POST",
            Endpoint = new Uri(endpoint),
            ResourcePath = "/",
            Content = body,
            AuthenticationRegion = "eu-west-1",
            OverrideSigningServiceName = signingName,
        };
        sdkRequest.Headers["Content-Type"] = contentType;
        sdkRequest.Headers["X-Amz-Target"] = target;
        var sdk = new AWS4Signer().SignRequest(sdkRequest, new SdkSignerConfig(signingName), null, "AKID", "SECRET", at);

        using var ours = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new ByteArrayContent(body) };
        ours.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        ours.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        // The SDK always signs a payload-hash header; send the same one so both sign the same header set.
        ours.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", AwsSigV4Signer.HexSha256(body));
        AwsSigV4Signer.Sign(ours, body, new ImmutableCredentials("AKID", "SECRET", null), "eu-west-1", signingName, at);

        Assert.Equal(sdk.ForAuthorizationHeader, string.Join(",", ours.Headers.GetValues("Authorization")));
        Assert.Equal(sdkRequest.Headers["X-Amz-Date"], string.Join(",", ours.Headers.GetValues("X-Amz-Date")));
    }

    [Theory]
    [InlineData("pipeline-local-notifier")]
    [InlineData("arn:aws:lambda:us-east-1:123456789012:function:pipeline-local-notifier")]
    [InlineData("a/b c")]
    public void Matches_awssdk_cores_AWS4Signer_for_an_encoded_rest_path(string functionName)
    {
        var body = "{}"u8.ToArray();
        var at = new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

        // The SDK's Lambda marshaller holds the name as a path resource and encodes it itself; the thin client sends it encoded.
        var sdkRequest = new DefaultRequest(new SdkSignerRequest(), "lambda")
        {
            HttpMethod = "POST",
            Endpoint = new Uri("http://127.0.0.1:4566/"),
            ResourcePath = "/2015-03-31/functions/{FunctionName}/invocations",
            Content = body,
            AuthenticationRegion = "us-east-1",
            OverrideSigningServiceName = "lambda",
        };
        sdkRequest.AddPathResource("{FunctionName}", functionName);
        sdkRequest.Headers["Content-Type"] = "application/json";
        var sdk = new AWS4Signer().SignRequest(sdkRequest, new SdkSignerConfig("lambda"), null, "AKID", "SECRET", at);

        using var ours = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:4566/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/invocations")
        {
            Content = new ByteArrayContent(body),
        };
        ours.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        ours.Headers.TryAddWithoutValidation("X-Amz-Content-SHA256", AwsSigV4Signer.HexSha256(body));
        AwsSigV4Signer.Sign(ours, body, new ImmutableCredentials("AKID", "SECRET", null), "us-east-1", "lambda", at);

        Assert.Equal(sdk.ForAuthorizationHeader, string.Join(",", ours.Headers.GetValues("Authorization")));
    }
}
