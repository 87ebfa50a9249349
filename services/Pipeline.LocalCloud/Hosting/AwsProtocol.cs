namespace Pipeline.LocalCloud.Hosting;

/// <summary>The AWS wire protocols, which decide how a request is read and how an error is written.</summary>
public enum AwsProtocol
{
    /// <summary><c>awsJson1_0</c> / <c>awsJson1_1</c>: POST /, X-Amz-Target, <c>{"__type","message"}</c> errors.</summary>
    Json,

    /// <summary><c>restJson1</c> (Lambda): operations by path, <c>X-Amzn-ErrorType</c> and a JSON body for errors.</summary>
    RestJson,

    /// <summary><c>restXml</c> (S3): <c>&lt;Error&gt;&lt;Code&gt;…</c>.</summary>
    RestXml,

    /// <summary><c>awsQuery</c> (SNS, older SQS): form-encoded Action, <c>&lt;ErrorResponse&gt;</c>.</summary>
    Query,
}
