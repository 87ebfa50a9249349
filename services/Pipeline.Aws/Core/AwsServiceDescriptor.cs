namespace Pipeline.Aws.Core;

/// <summary>
/// What a client needs to know about an AWS service to call it, taken from the service's API model metadata
/// (the botocore models; the subsets the tests read are in <c>tests/reference/api-models</c>).
/// </summary>
/// <param name="ServiceId">The model's <c>serviceId</c> (e.g. <c>Firehose</c>, <c>EventBridge</c>); names the
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable and the telemetry's <c>rpc.service</c>.</param>
/// <param name="EndpointPrefix">The model's <c>endpointPrefix</c>, the host label of the AWS endpoint.</param>
/// <param name="SigningName">The SigV4 credential-scope service name; it does not change with the endpoint.</param>
/// <param name="ApiVersion">The model's <c>apiVersion</c>; the Query protocol sends it as <c>Version</c>.</param>
/// <param name="TargetPrefix">The JSON protocol's <c>X-Amz-Target</c> prefix; null for other protocols.</param>
/// <param name="JsonVersion">The JSON protocol's version (<c>1.0</c> or <c>1.1</c>); null for other protocols.</param>
public sealed record AwsServiceDescriptor(
    string ServiceId,
    string EndpointPrefix,
    string SigningName,
    string ApiVersion,
    string? TargetPrefix = null,
    string? JsonVersion = null)
{
    /// <summary>The suffix of this service's <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable, per the AWS SDKs' rule:
    /// the service id upper-cased with spaces replaced by underscores.</summary>
    public string EndpointVariableSuffix => ServiceId.Replace(' ', '_').ToUpperInvariant();

    /// <summary>The JSON protocol's content type, e.g. <c>application/x-amz-json-1.1</c>.</summary>
    public string JsonContentType =>
        "application/x-amz-json-" + (JsonVersion ?? throw new InvalidOperationException($"{ServiceId} is not a JSON-protocol service."));
}
