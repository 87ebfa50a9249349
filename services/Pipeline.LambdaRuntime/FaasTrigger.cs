namespace Pipeline.LambdaRuntime;

/// <summary>What invokes the function, recorded as the OpenTelemetry <c>faas.trigger</c> attribute.</summary>
public enum FaasTrigger
{
    /// <summary><c>other</c>.</summary>
    Other,

    /// <summary><c>datasource</c>: a database or storage operation (e.g. an S3 notification delivered directly).</summary>
    Datasource,

    /// <summary><c>http</c>: an HTTP request (API Gateway, a function URL).</summary>
    Http,

    /// <summary><c>pubsub</c>: a message from a messaging system (SQS, SNS, EventBridge, Firehose).</summary>
    PubSub,

    /// <summary><c>timer</c>: a schedule.</summary>
    Timer,
}
