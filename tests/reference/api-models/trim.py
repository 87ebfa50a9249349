"""Writes the subsets of botocore's service models that the repository carries.

Usage: python3 trim.py <botocore data folder, e.g. botocore/botocore/data> [service ...]

With services named, only their files are written (the others were trimmed from another botocore snapshot). The
installed botocore package keeps its models gzip'ed (service-2.json.gz); either form is read.

For each service it keeps the metadata, the operations the pipeline calls or LocalCloud serves (OPERATIONS below),
and every shape those operations reach (input, output, errors, and their members, transitively). Documentation
strings are dropped; everything else is byte-for-byte the model's own values. Add an operation here and rerun when
a client or LocalCloud starts using one.
"""

import gzip
import json
import sys
from pathlib import Path

MODELS = {
    "athena": "athena/2017-05-18/service-2.json",
    "cloudwatch": "cloudwatch/2010-08-01/service-2.json",
    "events": "events/2015-10-07/service-2.json",
    "firehose": "firehose/2015-08-04/service-2.json",
    "glue": "glue/2017-03-31/service-2.json",
    "lambda": "lambda/2015-03-31/service-2.json",
    "s3": "s3/2006-03-01/service-2.json",
    "sns": "sns/2010-03-31/service-2.json",
    "sqs": "sqs/2012-11-05/service-2.json",
}

OPERATIONS = {
    "athena": ["BatchGetQueryExecution", "CreateWorkGroup", "DeleteWorkGroup", "GetQueryExecution", "GetQueryResults",
               "GetWorkGroup", "ListQueryExecutions", "ListWorkGroups", "StartQueryExecution", "StopQueryExecution",
               "UpdateWorkGroup", "CreateNamedQuery", "GetNamedQuery", "ListNamedQueries", "DeleteNamedQuery"],
    "cloudwatch": ["DeleteAlarms", "DescribeAlarms", "GetMetricStatistics", "ListMetrics", "PutMetricAlarm",
                   "PutMetricData"],
    "events": ["DeleteRule", "DescribeRule", "ListRules", "ListTargetsByRule", "PutEvents", "PutRule", "PutTargets",
               "RemoveTargets"],
    "firehose": ["CreateDeliveryStream", "DeleteDeliveryStream", "DescribeDeliveryStream", "ListDeliveryStreams",
                 "PutRecord", "PutRecordBatch", "UpdateDestination"],
    "glue": ["BatchCreatePartition", "BatchDeletePartition", "BatchGetPartition", "BatchStopJobRun", "CreateCrawler",
             "CreateDatabase", "CreateJob", "CreateTable", "DeleteCrawler", "DeleteDatabase", "DeleteJob", "DeleteTable",
             "GetCrawler", "GetCrawlerMetrics", "GetCrawlers", "GetDatabase", "GetDatabases", "GetJob", "GetJobRun",
             "GetJobRuns", "GetJobs", "GetPartition", "GetPartitions", "GetTable", "GetTables", "ListCrawlers",
             "ListJobs", "StartCrawler", "StartJobRun", "StopCrawler", "UpdateCrawler", "UpdateJob", "UpdatePartition",
             "UpdateTable"],
    "lambda": ["CreateEventSourceMapping", "CreateFunction", "DeleteEventSourceMapping", "DeleteFunction",
               "DeleteFunctionConcurrency", "GetEventSourceMapping", "GetFunction", "GetFunctionConcurrency",
               "GetFunctionConfiguration", "Invoke", "ListEventSourceMappings", "ListFunctions",
               "PutFunctionConcurrency", "PutFunctionEventInvokeConfig", "GetFunctionEventInvokeConfig",
               "UpdateEventSourceMapping", "UpdateFunctionCode", "UpdateFunctionConfiguration"],
    "s3": ["AbortMultipartUpload", "CompleteMultipartUpload", "CopyObject", "CreateBucket", "CreateMultipartUpload",
           "DeleteBucket", "DeleteObject", "DeleteObjects", "GetBucketLocation", "GetBucketNotificationConfiguration",
           "GetObject", "HeadBucket", "HeadObject", "ListBuckets", "ListMultipartUploads", "ListObjects",
           "ListObjectsV2", "ListParts", "PutBucketNotificationConfiguration", "PutObject", "UploadPart",
           "UploadPartCopy"],
    "sns": ["CreateTopic", "DeleteTopic", "GetTopicAttributes", "SetTopicAttributes", "ListSubscriptionsByTopic",
            "ListTopics", "Publish", "Subscribe", "Unsubscribe"],
    "sqs": ["ChangeMessageVisibility", "ChangeMessageVisibilityBatch", "CreateQueue", "DeleteMessage",
            "DeleteMessageBatch", "DeleteQueue", "GetQueueAttributes", "GetQueueUrl", "ListQueues", "PurgeQueue",
            "ReceiveMessage", "SendMessage", "SendMessageBatch", "SetQueueAttributes"],
}


def without_documentation(node):
    if isinstance(node, dict):
        return {key: without_documentation(value) for key, value in node.items()
                if key not in ("documentation", "documentationUrl")}
    if isinstance(node, list):
        return [without_documentation(item) for item in node]
    return node


def shape_names(node):
    """Every shape a model fragment names ({"shape": ...})."""
    if isinstance(node, dict):
        if isinstance(node.get("shape"), str):
            yield node["shape"]
        for value in node.values():
            yield from shape_names(value)
    elif isinstance(node, list):
        for item in node:
            yield from shape_names(item)


def trim(model, operations):
    missing = [name for name in operations if name not in model["operations"]]
    if missing:
        raise SystemExit(f"not in the model: {missing}")
    kept_operations = {name: model["operations"][name] for name in sorted(operations)}
    reached, pending = set(), list(shape_names(kept_operations))
    while pending:
        name = pending.pop()
        if name not in reached:
            reached.add(name)
            pending.extend(shape_names(model["shapes"][name]))
    return without_documentation({
        "version": model.get("version"),
        "metadata": model["metadata"],
        "operations": kept_operations,
        "shapes": {name: model["shapes"][name] for name in sorted(reached)},
    })


def main():
    data = Path(sys.argv[1])
    here = Path(__file__).parent
    services = sys.argv[2:] or list(MODELS)
    for service in services:
        path = data / MODELS[service]
        if path.exists():
            model = json.loads(path.read_text(encoding="utf-8"))
        else:
            model = json.loads(gzip.decompress((data / (MODELS[service] + ".gz")).read_bytes()).decode("utf-8"))
        trimmed = trim(model, OPERATIONS[service])
        (here / f"{service}.json").write_text(json.dumps(trimmed, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
