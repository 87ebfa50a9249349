// The official AWS SDK for JavaScript v3 against an endpoint (LocalCloud): S3 and Firehose calls the pipeline uses.
// Prints one JSON document with what came back, for the C# test to check.
import { S3Client, CreateBucketCommand, PutObjectCommand, ListObjectsV2Command, GetObjectCommand } from "@aws-sdk/client-s3";
import { FirehoseClient, CreateDeliveryStreamCommand, DescribeDeliveryStreamCommand, PutRecordBatchCommand } from "@aws-sdk/client-firehose";

const endpoint = process.env.LOCALCLOUD_ENDPOINT;
const common = { endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } };
const s3 = new S3Client({ ...common, forcePathStyle: true });
const firehose = new FirehoseClient(common);
const bucket = "js-sdk-bucket";
const result = {};

await s3.send(new CreateBucketCommand({ Bucket: bucket }));
await s3.send(new PutObjectCommand({ Bucket: bucket, Key: "dir/hello world=1.txt", Body: "hello from js", ContentType: "text/plain" }));
const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: "dir/" }));
result.keys = (listed.Contents ?? []).map(o => o.Key);
const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: "dir/hello world=1.txt" }));
result.body = await got.Body.transformToString();

await firehose.send(new CreateDeliveryStreamCommand({
  DeliveryStreamName: "js-sdk-stream",
  ExtendedS3DestinationConfiguration: {
    BucketARN: `arn:aws:s3:::${bucket}`,
    RoleARN: "arn:aws:iam::000000000000:role/firehose",
    Prefix: "raw/js/year=!{timestamp:yyyy}/",
    ErrorOutputPrefix: "errors/!{firehose:error-output-type}/",
    CompressionFormat: "GZIP",
    BufferingHints: { SizeInMBs: 1, IntervalInSeconds: 300 },
  },
}));
const described = await firehose.send(new DescribeDeliveryStreamCommand({ DeliveryStreamName: "js-sdk-stream" }));
result.streamStatus = described.DeliveryStreamDescription.DeliveryStreamStatus;
const encoder = new TextEncoder();
const batch = await firehose.send(new PutRecordBatchCommand({
  DeliveryStreamName: "js-sdk-stream",
  Records: [1, 2, 3].map(n => ({ Data: encoder.encode(`{"n":${n}}\n`) })),
}));
result.failedPutCount = batch.FailedPutCount;
result.recordIds = batch.RequestResponses.map(r => r.RecordId);
try {
  await firehose.send(new PutRecordBatchCommand({
    DeliveryStreamName: "js-sdk-stream",
    Records: Array.from({ length: 501 }, () => ({ Data: encoder.encode("x") })),
  }));
  result.tooManyRecords = "accepted";
} catch (error) {
  result.tooManyRecords = error.name;
}
try {
  await firehose.send(new PutRecordBatchCommand({ DeliveryStreamName: "no-such-stream", Records: [{ Data: encoder.encode("x") }] }));
  result.missingStream = "accepted";
} catch (error) {
  result.missingStream = error.name;
}

console.log(JSON.stringify(result));
