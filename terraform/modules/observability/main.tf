data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

# CloudWatch can publish only to topics whose customer managed key lets it: the AWS managed SNS key does not.
data "aws_iam_policy_document" "alarm_key" {
  statement {
    sid     = "AccountAdministersKey"
    actions = ["kms:*"]

    # In a key policy "*" is the key the policy is attached to; nothing narrower can be named.
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid     = "CloudWatchEncryptsAlarmMessages"
    actions = ["kms:Decrypt", "kms:GenerateDataKey"]

    # In a key policy "*" is the key the policy is attached to.
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_kms_key" "alarms" {
  description             = "Encrypts ${var.name_prefix}-alarms."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.alarm_key.json
  tags                    = var.tags
}

resource "aws_kms_alias" "alarms" {
  name          = "alias/${var.name_prefix}-alarms"
  target_key_id = aws_kms_key.alarms.key_id
}

module "topic" {
  source = "../notifications"

  topic_name              = "${var.name_prefix}-alarms"
  kms_key_arn             = aws_kms_key.alarms.arn
  email_addresses         = var.alarm_emails
  allow_cloudwatch_alarms = true
  tags                    = var.tags
}

locals {
  actions = [module.topic.topic_arn]
}

resource "aws_cloudwatch_metric_alarm" "firehose_freshness" {
  for_each = var.delivery_stream_names

  alarm_name          = "${each.value}-data-freshness"
  alarm_description   = "Records of ${each.key} wait more than ${var.data_freshness_threshold_seconds} s for delivery to S3."
  namespace           = "AWS/Firehose"
  metric_name         = "DeliveryToS3.DataFreshness"
  dimensions          = { DeliveryStreamName = each.value }
  statistic           = "Maximum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.data_freshness_threshold_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "firehose_delivery" {
  for_each = var.delivery_stream_names

  alarm_name          = "${each.value}-delivery-failures"
  alarm_description   = "Firehose failed to deliver ${each.key} to S3 (success ratio below 1)."
  namespace           = "AWS/Firehose"
  metric_name         = "DeliveryToS3.Success"
  dimensions          = { DeliveryStreamName = each.value }
  statistic           = "Minimum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "lambda_errors" {
  for_each = var.function_names

  alarm_name          = "${each.value}-errors"
  alarm_description   = "${each.value} failed invocations."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "lambda_throttles" {
  for_each = var.function_names

  alarm_name          = "${each.value}-throttles"
  alarm_description   = "${each.value} invocations were throttled."
  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each = var.dead_letter_queue_names

  alarm_name          = "${each.value}-not-empty"
  alarm_description   = "Messages are waiting in ${each.value}: something failed every retry."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateNumberOfMessagesVisible"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}

# Glue publishes no job-failure metric; EventBridge counts the events each rule matches, targets or not.
resource "aws_cloudwatch_event_rule" "job_failures" {
  name        = "${var.name_prefix}-job-failures"
  description = "Counts ETL job runs that failed, timed out or were stopped (alarm metric AWS/Events MatchedEvents)."
  tags        = var.tags

  event_pattern = jsonencode({
    source        = ["aws.glue"]
    "detail-type" = ["Glue Job State Change"]

    detail = {
      state   = ["FAILED", "TIMEOUT", "STOPPED"]
      jobName = [{ prefix = var.job_name_prefix }]
    }
  })
}

resource "aws_cloudwatch_metric_alarm" "job_failures" {
  alarm_name          = "${var.name_prefix}-etl-job-failures"
  alarm_description   = "An ETL job run failed, timed out or was stopped."
  namespace           = "AWS/Events"
  metric_name         = "MatchedEvents"
  dimensions          = { RuleName = aws_cloudwatch_event_rule.job_failures.name }
  statistic           = "Sum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = var.tags
}
