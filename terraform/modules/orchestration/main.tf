data "aws_caller_identity" "current" {}

locals {
  event_driven = var.event_driven_crawling ? 1 : 0
  tags         = merge({ Component = "orchestration" }, var.tags)

  queue_names = {
    raw_objects       = "${var.name_prefix}-raw-objects"
    raw_objects_dlq   = "${var.name_prefix}-raw-objects-dlq"
    function_failures = "${var.name_prefix}-function-failures"
  }

  rule_names = {
    crawler_state = "${var.name_prefix}-crawler-state"
    job_state     = "${var.name_prefix}-job-state"
  }
}

# SSE-SQS rather than KMS: S3 can deliver notifications to it without a key policy for the S3 service.
resource "aws_sqs_queue" "raw_objects_dlq" {
  count = local.event_driven

  name                      = local.queue_names.raw_objects_dlq
  sqs_managed_sse_enabled   = true
  message_retention_seconds = 1209600
  tags                      = local.tags

  lifecycle {
    precondition {
      condition     = length(local.queue_names.raw_objects_dlq) <= 80
      error_message = "The queue name ${local.queue_names.raw_objects_dlq} is longer than the 80 characters SQS allows."
    }
  }
}

resource "aws_sqs_queue" "raw_objects" {
  count = local.event_driven

  name                       = local.queue_names.raw_objects
  sqs_managed_sse_enabled    = true
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  message_retention_seconds  = 345600
  tags                       = local.tags

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.raw_objects_dlq[0].arn
    maxReceiveCount     = var.queue_max_receive_count
  })

  lifecycle {
    precondition {
      condition     = length(local.queue_names.raw_objects) <= 80
      error_message = "The queue name ${local.queue_names.raw_objects} is longer than the 80 characters SQS allows."
    }
  }
}

resource "aws_sqs_queue_redrive_allow_policy" "raw_objects_dlq" {
  count = local.event_driven

  queue_url = aws_sqs_queue.raw_objects_dlq[0].id

  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.raw_objects[0].arn]
  })
}

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

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.raw_objects[0].arn]

    # A Deny on every principal: the only place a wildcard principal is right.
    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "raw_objects" {
  count = local.event_driven

  queue_url = aws_sqs_queue.raw_objects[0].id
  policy    = data.aws_iam_policy_document.s3_sends[0].json
}

# The dead-letter queues are only written by SQS's redrive and Lambda's on-failure delivery (under the roles'
# own policies), so their policies only refuse requests made without TLS.
data "aws_iam_policy_document" "tls_only" {
  for_each = merge(
    { function_failures = aws_sqs_queue.function_failures.arn },
    var.event_driven_crawling ? { raw_objects_dlq = aws_sqs_queue.raw_objects_dlq[0].arn } : {},
  )

  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [each.value]

    # A Deny on every principal: the only place a wildcard principal is right.
    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "raw_objects_dlq" {
  count = local.event_driven

  queue_url = aws_sqs_queue.raw_objects_dlq[0].id
  policy    = data.aws_iam_policy_document.tls_only["raw_objects_dlq"].json
}

resource "aws_sqs_queue_policy" "function_failures" {
  queue_url = aws_sqs_queue.function_failures.id
  policy    = data.aws_iam_policy_document.tls_only["function_failures"].json
}

resource "aws_s3_bucket_notification" "raw_objects" {
  count = local.event_driven

  bucket = var.bucket_name

  # One notification per dataset's raw root: objects elsewhere (errors, stage, job runs) start no crawl.
  dynamic "queue" {
    for_each = var.raw_roots

    content {
      id            = "raw-${queue.key}"
      queue_arn     = aws_sqs_queue.raw_objects[0].arn
      events        = ["s3:ObjectCreated:*"]
      filter_prefix = queue.value
    }
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
  tags                   = local.tags

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
  tags                               = local.tags
}

# Asynchronous invocations of the ETL runner and the notifier that fail every retry land here.
resource "aws_sqs_queue" "function_failures" {
  name                      = local.queue_names.function_failures
  sqs_managed_sse_enabled   = true
  message_retention_seconds = 1209600
  tags                      = local.tags

  lifecycle {
    precondition {
      condition     = length(local.queue_names.function_failures) <= 80
      error_message = "The queue name ${local.queue_names.function_failures} is longer than the 80 characters SQS allows."
    }
  }
}

resource "aws_cloudwatch_event_rule" "crawler_state" {
  name        = local.rule_names.crawler_state
  description = "A raw crawler finished: the ETL runner starts its dataset's job (or reports the failure)."
  tags        = local.tags

  event_pattern = jsonencode({
    source        = ["aws.glue"]
    "detail-type" = ["Glue Crawler State Change"]

    detail = {
      state       = ["Succeeded", "Failed"]
      crawlerName = [{ prefix = "${var.name_prefix}-" }]
    }
  })

  lifecycle {
    precondition {
      condition     = length(local.rule_names.crawler_state) <= 64
      error_message = "The EventBridge rule name ${local.rule_names.crawler_state} is longer than the 64 characters EventBridge allows."
    }
  }
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
  name        = local.rule_names.job_state
  description = "An ETL job run ended: the notifier tells the subscribers."
  tags        = local.tags

  event_pattern = jsonencode({
    source        = ["aws.glue"]
    "detail-type" = ["Glue Job State Change"]

    detail = {
      state   = ["SUCCEEDED", "FAILED", "TIMEOUT", "STOPPED"]
      jobName = [{ prefix = "${var.name_prefix}-" }]
    }
  })

  lifecycle {
    precondition {
      condition     = length(local.rule_names.job_state) <= 64
      error_message = "The EventBridge rule name ${local.rule_names.job_state} is longer than the 64 characters EventBridge allows."
    }
  }
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
