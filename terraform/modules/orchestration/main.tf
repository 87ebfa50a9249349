locals {
  event_driven = var.event_driven_crawling ? 1 : 0
}

# SSE-SQS rather than KMS: S3 can deliver notifications to it without a key policy for the S3 service.
resource "aws_sqs_queue" "raw_objects_dlq" {
  count = local.event_driven

  name                      = "${var.name_prefix}-raw-objects-dlq"
  sqs_managed_sse_enabled   = true
  message_retention_seconds = 1209600
  tags                      = var.tags
}

resource "aws_sqs_queue" "raw_objects" {
  count = local.event_driven

  name                       = "${var.name_prefix}-raw-objects"
  sqs_managed_sse_enabled    = true
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  message_retention_seconds  = 345600
  tags                       = var.tags

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.raw_objects_dlq[0].arn
    maxReceiveCount     = var.queue_max_receive_count
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "raw_objects_dlq" {
  count = local.event_driven

  queue_url = aws_sqs_queue.raw_objects_dlq[0].id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.raw_objects[0].arn]
  })
}

data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "s3_sends" {
  count = local.event_driven

  statement {
    sid       = "BucketNotifications"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.raw_objects[0].arn]

    principals {
      type        = "Service"
      identifiers = ["s3.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [var.bucket_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sqs_queue_policy" "raw_objects" {
  count = local.event_driven

  queue_url = aws_sqs_queue.raw_objects[0].id
  policy    = data.aws_iam_policy_document.s3_sends[0].json
}

resource "aws_s3_bucket_notification" "raw_objects" {
  count = local.event_driven

  bucket = var.bucket_name

  queue {
    queue_arn     = aws_sqs_queue.raw_objects[0].arn
    events        = ["s3:ObjectCreated:*"]
    filter_prefix = var.raw_prefix
  }

  # S3 checks that it may send to the queue when the notification is saved.
  depends_on = [aws_sqs_queue_policy.raw_objects]
}

module "crawler_trigger" {
  source = "../lambda-function"
  count  = local.event_driven

  name                   = "${var.name_prefix}-crawler-trigger"
  description            = "Starts the raw crawler of each dataset whose objects arrived on the queue."
  package_path           = var.crawler_trigger_package_path
  architecture           = var.function_architecture
  memory_size            = var.function_memory_size
  timeout                = var.crawler_trigger_timeout
  environment_variables  = var.function_environment
  otel_exporter_endpoint = var.otel_exporter_endpoint
  log_retention_days     = var.log_retention_days
  tags                   = var.tags

  policy_statements = [
    {
      sid       = "StartRawCrawlers"
      actions   = ["glue:StartCrawler", "glue:GetCrawler"]
      resources = values(var.crawler_arns)
    },
    {
      sid       = "ConsumeRawObjectsQueue"
      actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"]
      resources = [aws_sqs_queue.raw_objects[0].arn]
    },
  ]
}

resource "aws_lambda_event_source_mapping" "raw_objects" {
  count = local.event_driven

  event_source_arn                   = aws_sqs_queue.raw_objects[0].arn
  function_name                      = module.crawler_trigger[0].function_arn
  batch_size                         = var.crawler_trigger_batch_size
  maximum_batching_window_in_seconds = var.crawler_trigger_batching_window_seconds
  function_response_types            = ["ReportBatchItemFailures"]
  tags                               = var.tags
}

# Asynchronous invocations of the ETL runner and the notifier that fail every retry land here.
resource "aws_sqs_queue" "function_failures" {
  name                      = "${var.name_prefix}-function-failures"
  sqs_managed_sse_enabled   = true
  message_retention_seconds = 1209600
  tags                      = var.tags
}

resource "aws_cloudwatch_event_rule" "crawler_state" {
  name        = "${var.name_prefix}-crawler-state"
  description = "A raw crawler finished: the ETL runner starts its dataset's job (or reports the failure)."
  tags        = var.tags

  event_pattern = jsonencode({
    source        = ["aws.glue"]
    "detail-type" = ["Glue Crawler State Change"]

    detail = {
      state       = ["Succeeded", "Failed"]
      crawlerName = [{ prefix = "${var.name_prefix}-" }]
    }
  })
}

resource "aws_cloudwatch_event_target" "crawler_state" {
  rule      = aws_cloudwatch_event_rule.crawler_state.name
  target_id = "etl-runner"
  arn       = var.etl_runner_function_arn
}

resource "aws_lambda_permission" "crawler_state" {
  statement_id  = "AllowCrawlerStateRule"
  action        = "lambda:InvokeFunction"
  function_name = var.etl_runner_function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.crawler_state.arn
}

resource "aws_cloudwatch_event_rule" "job_state" {
  name        = "${var.name_prefix}-job-state"
  description = "An ETL job run ended: the notifier tells the subscribers."
  tags        = var.tags

  event_pattern = jsonencode({
    source        = ["aws.glue"]
    "detail-type" = ["Glue Job State Change"]

    detail = {
      state   = ["SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED"]
      jobName = [{ prefix = "${var.name_prefix}-" }]
    }
  })
}

resource "aws_cloudwatch_event_target" "job_state" {
  rule      = aws_cloudwatch_event_rule.job_state.name
  target_id = "notifier"
  arn       = var.notifier_function_arn
}

resource "aws_lambda_permission" "job_state" {
  statement_id  = "AllowJobStateRule"
  action        = "lambda:InvokeFunction"
  function_name = var.notifier_function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.job_state.arn
}
