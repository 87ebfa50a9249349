namespace Pipeline.Aws.Core;

/// <summary>
/// The services the pipeline calls through this library's thin clients, with the metadata of their official API models.
/// S3 and SQS are not here: they are called through the AWS SDK's own clients (<see cref="AwsClientFactory"/>).
/// </summary>
public static class AwsServices
{
    /// <summary>Amazon Data Firehose: JSON 1.1, target <c>Firehose_20150804</c>.</summary>
    public static readonly AwsServiceDescriptor Firehose = new("Firehose", "firehose", "firehose", "2015-08-04", "Firehose_20150804", "1.1");

    /// <summary>AWS Glue: JSON 1.1, target <c>AWSGlue</c>.</summary>
    public static readonly AwsServiceDescriptor Glue = new("Glue", "glue", "glue", "2017-03-31", "AWSGlue", "1.1");

    /// <summary>Amazon Athena: JSON 1.1, target <c>AmazonAthena</c>.</summary>
    public static readonly AwsServiceDescriptor Athena = new("Athena", "athena", "athena", "2017-05-18", "AmazonAthena", "1.1");

    /// <summary>Amazon EventBridge: JSON 1.1, target <c>AWSEvents</c>; the endpoint prefix and signing name are <c>events</c>.</summary>
    public static readonly AwsServiceDescriptor EventBridge = new("EventBridge", "events", "events", "2015-10-07", "AWSEvents", "1.1");

    /// <summary>AWS Lambda: REST-JSON (operations by method and path).</summary>
    public static readonly AwsServiceDescriptor Lambda = new("Lambda", "lambda", "lambda", "2015-03-31");

    /// <summary>Amazon CloudWatch (metrics and alarms): Query protocol, endpoint prefix and signing name <c>monitoring</c>.</summary>
    public static readonly AwsServiceDescriptor CloudWatch = new("CloudWatch", "monitoring", "monitoring", "2010-08-01");

    /// <summary>Amazon SNS: Query protocol.</summary>
    public static readonly AwsServiceDescriptor Sns = new("SNS", "sns", "sns", "2010-03-31");
}
