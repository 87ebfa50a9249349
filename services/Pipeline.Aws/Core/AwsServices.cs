namespace Pipeline.Aws.Core;

/// <summary>The services the pipeline calls, with the metadata of their official API models.</summary>
public static class AwsServices
{
    /// <summary>Amazon Data Firehose: JSON 1.1, target <c>Firehose_20150804</c>.</summary>
    public static readonly AwsServiceDescriptor Firehose = new("Firehose", "firehose", "firehose", "2015-08-04", "Firehose_20150804", "1.1");

    /// <summary>AWS Glue: JSON 1.1, target <c>AWSGlue</c>.</summary>
    public static readonly AwsServiceDescriptor Glue = new("Glue", "glue", "glue", "2017-03-31", "AWSGlue", "1.1");

    /// <summary>Amazon Athena: JSON 1.1, target <c>AmazonAthena</c>.</summary>
    public static readonly AwsServiceDescriptor Athena = new("Athena", "athena", "athena", "2017-05-18", "AmazonAthena", "1.1");

    /// <summary>Amazon SQS: JSON 1.0, target <c>AmazonSQS</c> (query-compatible errors).</summary>
    public static readonly AwsServiceDescriptor Sqs = new("SQS", "sqs", "sqs", "2012-11-05", "AmazonSQS", "1.0");

    /// <summary>Amazon EventBridge: JSON 1.1, target <c>AWSEvents</c>; the endpoint prefix and signing name are <c>events</c>.</summary>
    public static readonly AwsServiceDescriptor EventBridge = new("EventBridge", "events", "events", "2015-10-07", "AWSEvents", "1.1");

    /// <summary>AWS Lambda: REST-JSON (operations by method and path).</summary>
    public static readonly AwsServiceDescriptor Lambda = new("Lambda", "lambda", "lambda", "2015-03-31");

    /// <summary>Amazon SNS: Query protocol.</summary>
    public static readonly AwsServiceDescriptor Sns = new("SNS", "sns", "sns", "2010-03-31");

    /// <summary>Amazon S3: REST-XML, called through AWSSDK.S3; described here for endpoint resolution.</summary>
    public static readonly AwsServiceDescriptor S3 = new("S3", "s3", "s3", "2006-03-01");
}
