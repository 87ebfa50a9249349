using System.Text;

namespace Pipeline.FuzzTests.Protocols;

/// <summary>
/// Valid requests of each protocol LocalCloud speaks, as the AWS SDKs send them: the seeds the mutations start from,
/// so most cases get past the router into each operation's parser. <see cref="Setup"/> creates what they name
/// (bucket, queue, topic, stream, database, table) before sampling.
/// </summary>
public static class ProtocolSeeds
{
    public const string Bucket = "fuzz-bucket";

    public const string Queue = "fuzz-queue";

    private const string QueueUrl = HttpCase.EndpointToken + "/000000000000/" + Queue;

    private const string TopicArn = "arn:aws:sns:us-east-1:000000000000:fuzz-topic";

    private const string DeleteBody = "<Delete><Quiet>false</Quiet><Object><Key>k/gone</Key></Object><Object><Key>k/&amp;x</Key></Object></Delete>";

    private const string StreamJson = """{"DeliveryStreamName":"fuzz-stream","DeliveryStreamType":"DirectPut","ExtendedS3DestinationConfiguration":{"RoleARN":"arn:aws:iam::000000000000:role/firehose","BucketARN":"arn:aws:s3:::fuzz-bucket","Prefix":"data/!{timestamp:yyyy/MM/dd}/","ErrorOutputPrefix":"errors/!{firehose:error-output-type}/!{timestamp:yyyy}/","BufferingHints":{"SizeInMBs":1,"IntervalInSeconds":900}}}""";

    /// <summary>What the seeds need to exist; each must succeed.</summary>
    public static IReadOnlyList<HttpCase> Setup { get; } =
    [
        Rest("PUT", "/" + Bucket),
        Json("1.0", "AmazonSQS.CreateQueue", """{"QueueName":"fuzz-queue"}"""),
        Query("sns", "/", "Action=CreateTopic&Name=fuzz-topic&Version=2010-03-31"),
        Json("1.1", "Firehose_20150804.CreateDeliveryStream", StreamJson),
        Json("1.1", "AWSGlue.CreateDatabase", """{"DatabaseInput":{"Name":"fuzzdb"}}"""),
        Json("1.1", "AWSGlue.CreateTable", """{"DatabaseName":"fuzzdb","TableInput":{"Name":"t","TableType":"EXTERNAL_TABLE","StorageDescriptor":{"Columns":[{"Name":"a","Type":"string"},{"Name":"s","Type":"struct<x:int,y:array<string>>"}],"Location":"s3://fuzz-bucket/t/","InputFormat":"org.apache.hadoop.mapred.TextInputFormat","SerdeInfo":{"SerializationLibrary":"org.openx.data.jsonserde.JsonSerDe"}},"PartitionKeys":[{"Name":"dt","Type":"string"}]}}"""),
    ];

    /// <summary>awsJson1_0 and awsJson1_1: POST / with X-Amz-Target.</summary>
    public static IReadOnlyList<HttpCase> Json10And11 { get; } =
    [
        Json("1.1", "Firehose_20150804.PutRecord", """{"DeliveryStreamName":"fuzz-stream","Record":{"Data":"eyJhIjoxfQo="}}"""),
        Json("1.1", "Firehose_20150804.PutRecordBatch", """{"DeliveryStreamName":"fuzz-stream","Records":[{"Data":"eyJhIjoxfQo="},{"Data":"e30K"}]}"""),
        Json("1.1", "Firehose_20150804.DescribeDeliveryStream", """{"DeliveryStreamName":"fuzz-stream","Limit":10}"""),
        Json("1.1", "Firehose_20150804.ListDeliveryStreams", """{"Limit":5,"DeliveryStreamType":"DirectPut"}"""),
        Json("1.1", "Firehose_20150804.CreateDeliveryStream", StreamJson.Replace("fuzz-stream", "fuzz-other", StringComparison.Ordinal)),
        Json("1.0", "AmazonSQS.SendMessage", """{"QueueUrl":"{endpoint}/000000000000/fuzz-queue","MessageBody":"hello","DelaySeconds":0,"MessageAttributes":{"a":{"DataType":"String","StringValue":"v"},"b":{"DataType":"Binary","BinaryValue":"AAE="}}}"""),
        Json("1.0", "AmazonSQS.SendMessageBatch", """{"QueueUrl":"{endpoint}/000000000000/fuzz-queue","Entries":[{"Id":"1","MessageBody":"a"},{"Id":"2","MessageBody":"b","DelaySeconds":1}]}"""),
        Json("1.0", "AmazonSQS.ReceiveMessage", """{"QueueUrl":"{endpoint}/000000000000/fuzz-queue","MaxNumberOfMessages":10,"WaitTimeSeconds":0,"VisibilityTimeout":1,"MessageAttributeNames":["All"],"MessageSystemAttributeNames":["All"]}"""),
        Json("1.0", "AmazonSQS.GetQueueAttributes", """{"QueueUrl":"{endpoint}/000000000000/fuzz-queue","AttributeNames":["All"]}"""),
        Json("1.0", "AmazonSQS.DeleteMessageBatch", """{"QueueUrl":"{endpoint}/000000000000/fuzz-queue","Entries":[{"Id":"1","ReceiptHandle":"AQEB"}]}"""),
        Json("1.0", "AmazonSQS.ChangeMessageVisibility", """{"QueueUrl":"{endpoint}/000000000000/fuzz-queue","ReceiptHandle":"AQEB","VisibilityTimeout":30}"""),
        Json("1.0", "AmazonSQS.ListQueues", """{"QueueNamePrefix":"fuzz","MaxResults":10}"""),
        Json("1.1", "AWSGlue.GetTable", """{"DatabaseName":"fuzzdb","Name":"t"}"""),
        Json("1.1", "AWSGlue.GetTables", """{"DatabaseName":"fuzzdb","Expression":"t*","MaxResults":10}"""),
        Json("1.1", "AWSGlue.BatchCreatePartition", """{"DatabaseName":"fuzzdb","TableName":"t","PartitionInputList":[{"Values":["2026-01-01"],"StorageDescriptor":{"Location":"s3://fuzz-bucket/t/dt=2026-01-01/"}}]}"""),
        Json("1.1", "AWSGlue.GetPartitions", """{"DatabaseName":"fuzzdb","TableName":"t","Expression":"dt >= '2026-01-01' AND dt <> 'x'","MaxResults":5}"""),
        Json("1.1", "AWSGlue.GetDatabases", """{"MaxResults":10}"""),
        Json("1.1", "AmazonAthena.StartQueryExecution", """{"QueryString":"SELECT a, s.x FROM t WHERE dt = '2026-01-01' LIMIT 5","QueryExecutionContext":{"Database":"fuzzdb"},"ResultConfiguration":{"OutputLocation":"s3://fuzz-bucket/athena/"},"WorkGroup":"primary"}"""),
        Json("1.1", "AmazonAthena.GetQueryExecution", """{"QueryExecutionId":"00000000-0000-0000-0000-000000000000"}"""),
        Json("1.1", "AmazonAthena.ListWorkGroups", """{"MaxResults":5}"""),
        Json("1.1", "AmazonAthena.ListQueryExecutions", """{"WorkGroup":"primary","MaxResults":5}"""),
        Json("1.1", "AWSEvents.PutEvents", """{"Entries":[{"Source":"fuzz","DetailType":"Fuzz Event","Detail":"{\"a\":[1,2],\"b\":{\"c\":\"d\"}}","Resources":["arn:aws:s3:::fuzz-bucket"]}]}"""),
        Json("1.1", "AWSEvents.PutRule", """{"Name":"fuzz-rule","EventPattern":"{\"source\":[\"fuzz\"],\"detail\":{\"a\":[{\"numeric\":[\">\",0]}],\"b\":{\"c\":[{\"prefix\":\"d\"}]}}}","State":"ENABLED"}"""),
        Json("1.1", "AWSEvents.ListRules", """{"NamePrefix":"fuzz","Limit":10}"""),
        Json("1.1", "AWSEvents.TestEventPattern", """{"EventPattern":"{\"source\":[\"fuzz\"]}","Event":"{\"id\":\"1\",\"source\":\"fuzz\",\"detail-type\":\"x\",\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],\"detail\":{}}"}"""),
    ];

    /// <summary>awsQuery: SNS, and SQS's older protocol, form-encoded with Action.</summary>
    public static IReadOnlyList<HttpCase> QueryProtocol { get; } =
    [
        Query("sns", "/", "Action=ListTopics&Version=2010-03-31"),
        Query("sns", "/", $"Action=GetTopicAttributes&TopicArn={Uri.EscapeDataString(TopicArn)}&Version=2010-03-31"),
        Query("sns", "/", $"Action=Publish&TopicArn={Uri.EscapeDataString(TopicArn)}&Subject=s&Message=hello%20world&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=v&Version=2010-03-31"),
        Query("sns", "/", $"Action=ListSubscriptionsByTopic&TopicArn={Uri.EscapeDataString(TopicArn)}&Version=2010-03-31"),
        Query("sns", "/", "Action=CreateTopic&Name=fuzz-topic-2&Attributes.entry.1.key=DisplayName&Attributes.entry.1.value=x&Version=2010-03-31"),
        Query("sqs", "/000000000000/" + Queue, "Action=SendMessage&MessageBody=hi&MessageAttribute.1.Name=a&MessageAttribute.1.Value.DataType=Number&MessageAttribute.1.Value.StringValue=1&Version=2012-11-05"),
        Query("sqs", "/000000000000/" + Queue, "Action=ReceiveMessage&MaxNumberOfMessages=5&WaitTimeSeconds=0&AttributeName.1=All&Version=2012-11-05"),
        Query("sqs", "/", $"Action=GetQueueUrl&QueueName={Queue}&Version=2012-11-05"),
        Query("sqs", "/000000000000/" + Queue, "Action=SendMessageBatch&SendMessageBatchRequestEntry.1.Id=a&SendMessageBatchRequestEntry.1.MessageBody=x&Version=2012-11-05"),
        Query(null, "/000000000000/" + Queue, "Action=GetQueueAttributes&AttributeName.1=All&Version=2012-11-05"),
    ];

    /// <summary>restXml: S3, path-style, signed as the SDKs sign (signatures are not checked).</summary>
    public static IReadOnlyList<HttpCase> RestXml { get; } =
    [
        Rest("PUT", $"/{Bucket}/k/a.json", "{\"a\":1}\n", ("Content-Type", "application/json"), ("Content-MD5", Md5("{\"a\":1}\n"))),
        Rest("PUT", $"/{Bucket}/k/chunked.bin", "5;chunk-signature=0000\r\nhello\r\n0;chunk-signature=0000\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n",
            ("Content-Encoding", "aws-chunked"), ("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"), ("x-amz-decoded-content-length", "5"), ("x-amz-trailer", "x-amz-checksum-crc32")),
        Rest("GET", $"/{Bucket}/k/a.json", "", ("Range", "bytes=0-3")),
        Rest("HEAD", $"/{Bucket}/k/a.json", "", ("If-None-Match", "\"x\"")),
        Rest("GET", $"/{Bucket}?list-type=2&prefix=k%2F&delimiter=%2F&max-keys=5&start-after=k%2Fa&encoding-type=url"),
        Rest("GET", $"/{Bucket}?prefix=k&marker=a&max-keys=2"),
        Rest("GET", $"/{Bucket}?versions&prefix=k"),
        Rest("POST", $"/{Bucket}?delete", DeleteBody, ("Content-MD5", Md5(DeleteBody))),
        Rest("POST", $"/{Bucket}/k/mp?uploads", "", ("Content-Type", "text/plain")),
        Rest("PUT", $"/{Bucket}/k/mp?partNumber=1&uploadId=nope", "part"),
        Rest("POST", $"/{Bucket}/k/mp?uploadId=nope", "<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>\"x\"</ETag></Part></CompleteMultipartUpload>"),
        Rest("PUT", $"/{Bucket}/k/copy", "", ("x-amz-copy-source", $"/{Bucket}/k/a.json"), ("x-amz-metadata-directive", "REPLACE"), ("x-amz-meta-x", "1")),
        Rest("GET", $"/{Bucket}?notification"),
        Rest("PUT", $"/{Bucket}?notification", "<NotificationConfiguration><QueueConfiguration><Id>q</Id><Queue>arn:aws:sqs:us-east-1:000000000000:fuzz-queue</Queue><Event>s3:ObjectCreated:*</Event><Filter><S3Key><FilterRule><Name>prefix</Name><Value>k/</Value></FilterRule></S3Key></Filter></QueueConfiguration></NotificationConfiguration>"),
        Rest("GET", $"/{Bucket}?location"),
        Rest("DELETE", $"/{Bucket}/k/copy"),
        Rest("GET", "/"),
    ];

    /// <summary>Header values that steer routing and parsing: other services, protocols, encodings, digests.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> HostileHeaders { get; } =
    [
        new("X-Amz-Target", "AmazonSQS.SendMessage"),
        new("X-Amz-Target", "Firehose_20150804.PutRecordBatch"),
        new("X-Amz-Target", "AWSGlue.GetPartitions"),
        new("X-Amz-Target", "AmazonAthena.StartQueryExecution"),
        new("X-Amz-Target", "AWSEvents.PutEvents"),
        new("X-Amz-Target", "AmazonSQS."),
        new("X-Amz-Target", "."),
        new("Authorization", Signature("sns")),
        new("Authorization", Signature("sqs")),
        new("Authorization", Signature("s3")),
        new("Authorization", Signature("firehose")),
        new("Authorization", Signature("lambda")),
        new("Authorization", Signature("nosuch")),
        new("Authorization", "AWS4-HMAC-SHA256 Credential=////aws4_request"),
        new("Authorization", "AWS4-HMAC-SHA256 Credential="),
        new("Content-Type", "application/x-amz-json-1.0"),
        new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"),
        new("Content-Type", "multipart/form-data; boundary=x"),
        new("Content-Type", "application/xml"),
        new("Content-Encoding", "aws-chunked"),
        new("Content-Encoding", "gzip, aws-chunked"),
        new("x-amz-content-sha256", "STREAMING-UNSIGNED-PAYLOAD-TRAILER"),
        new("x-amz-content-sha256", "0000000000000000000000000000000000000000000000000000000000000000"),
        new("x-amz-decoded-content-length", "18446744073709551616"),
        new("x-amz-trailer", "x-amz-checksum-crc32c"),
        new("x-amz-checksum-sha256", "notbase64"),
        new("x-amz-checksum-algorithm", "CRC64NVME"),
        new("Content-MD5", "=="),
        new("Range", "bytes=-0"),
        new("Range", "bytes=9223372036854775807-"),
        new("x-amz-copy-source", "/fuzz-bucket/%ZZ"),
        new("x-amz-copy-source-range", "bytes=1-0"),
        new("If-Match", "*"),
        new("If-Modified-Since", "Sat, 01 Jan 0001 00:00:00 GMT"),
        new("x-amz-meta-\u00e9", "x"),
        new("x-amz-tagging", "a=b&a=c"),
        new("x-amz-storage-class", "GLACIER"),
        new("Expect", "100-continue"),
    ];

    public static string Signature(string service) =>
        $"AWS4-HMAC-SHA256 Credential=AKIDFUZZ/20260101/us-east-1/{service}/aws4_request, SignedHeaders=host;x-amz-date, Signature={new string('0', 64)}";

    private static HttpCase Json(string version, string target, string body) =>
        new("POST", "/", [new("X-Amz-Target", target), new("Content-Type", $"application/x-amz-json-{version}"), new("Authorization", Signature(ServiceOf(target)))], Encoding.UTF8.GetBytes(body));

    private static HttpCase Query(string? service, string path, string form)
    {
        List<KeyValuePair<string, string>> headers = [new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")];
        if (service is not null)
        {
            headers.Add(new("Authorization", Signature(service)));
        }

        return new("POST", path, headers, Encoding.UTF8.GetBytes(form));
    }

    private static HttpCase Rest(string method, string target, string body = "", params (string Name, string Value)[] headers)
    {
        List<KeyValuePair<string, string>> all = [new("Authorization", Signature("s3")), .. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))];
        if (!headers.Any(h => h.Name == "x-amz-content-sha256"))
        {
            all.Add(new("x-amz-content-sha256", "UNSIGNED-PAYLOAD"));
        }

        return new(method, target, all, Encoding.UTF8.GetBytes(body));
    }

    private static string Md5(string body) => Convert.ToBase64String(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(body)));

    private static string ServiceOf(string target) => target[..target.IndexOf('.', StringComparison.Ordinal)] switch
    {
        "Firehose_20150804" => "firehose",
        "AmazonSQS" => "sqs",
        "AWSGlue" => "glue",
        "AmazonAthena" => "athena",
        _ => "events",
    };
}
