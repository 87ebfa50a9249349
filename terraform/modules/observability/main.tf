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
  tags                    = local.tags
}

resource "aws_kms_alias" "alarms" {
  name          = "alias/${var.name_prefix}-alarms"
  target_key_id = aws_kms_key.alarms.key_id

  lifecycle {
    precondition {
      condition     = length("alias/${var.name_prefix}-alarms") <= 256
      error_message = "The key alias alias/${var.name_prefix}-alarms is longer than the 256 characters KMS allows."
    }
  }
}

module "topic" {
  source = "../notifications"

  topic_name              = "${var.name_prefix}-alarms"
  kms_key_arn             = aws_kms_key.alarms.arn
  email_addresses         = var.alarm_emails
  allow_cloudwatch_alarms = true
  tags                    = local.tags
}

locals {
  actions = [module.topic.topic_arn]
  tags    = merge({ Component = "observability" }, var.tags)

  alarm_names = merge(
    { for key, name in var.delivery_stream_names : "freshness-${key}" => "${name}-data-freshness" },
    { for key, name in var.delivery_stream_names : "delivery-${key}" => "${name}-delivery-failures" },
    { for key, name in var.delivery_stream_names : "processing-${key}" => "${name}-processing-failures" },
    { for key, name in var.function_names : "errors-${key}" => "${name}-errors" },
    { for key, name in var.function_names : "throttles-${key}" => "${name}-throttles" },
    { for key, name in var.dead_letter_queue_names : "dead-letters-${key}" => "${name}-not-empty" },
    { for key, name in var.queue_age_names : "queue-age-${key}" => "${name}-oldest-message-age" },
    { for key, alert in local.status_alerts : "status-${key}" => "${var.name_prefix}-${alert.dataset}-status-${alert.status}" },
    { job_failures = "${var.name_prefix}-etl-job-failures", crawler_failures = "${var.name_prefix}-raw-crawler-failures" },
  )

  rule_names = {
    job_failures     = "${var.name_prefix}-job-failures"
    crawler_failures = "${var.name_prefix}-crawler-failures"
  }

  # One alarm per dataset and alerted status (vehicle_telemetry: fail, warn), on the transformer's metric.
  status_alerts = {
    for pair in flatten([
      for dataset, alert in var.status_alerts : [for status in alert.statuses : { dataset = dataset, status = status, group_by = alert.group_by }]
    ]) : "${pair.dataset}-${pair.status}" => pair
  }
}

resource "aws_cloudwatch_metric_alarm" "firehose_freshness" {
  for_each = var.delivery_stream_names

  alarm_name          = local.alarm_names["freshness-${each.key}"]
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
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names["freshness-${each.key}"]) <= 255
      error_message = "The alarm name ${local.alarm_names["freshness-${each.key}"]} is longer than the 255 characters CloudWatch allows."
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "firehose_delivery" {
  for_each = var.delivery_stream_names

  alarm_name          = local.alarm_names["delivery-${each.key}"]
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
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names["delivery-${each.key}"]) <= 255
      error_message = "The alarm name ${local.alarm_names["delivery-${each.key}"]} is longer than the 255 characters CloudWatch allows."
    }
  }
}

# The transformer's invocations by Firehose: a failed or timed-out invocation sends the whole batch to the error prefix.
resource "aws_cloudwatch_metric_alarm" "firehose_processing" {
  for_each = var.delivery_stream_names

  alarm_name          = local.alarm_names["processing-${each.key}"]
  alarm_description   = "Firehose's invocations of the transformer for ${each.key} failed (ExecuteProcessing.Success below 1): those records went to the error prefix."
  namespace           = "AWS/Firehose"
  metric_name         = "ExecuteProcessing.Success"
  dimensions          = { DeliveryStreamName = each.value }
  statistic           = "Minimum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "LessThanThreshold"
  threshold           = 1
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names["processing-${each.key}"]) <= 255
      error_message = "The alarm name ${local.alarm_names["processing-${each.key}"]} is longer than the 255 characters CloudWatch allows."
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "lambda_errors" {
  for_each = var.function_names

  alarm_name          = local.alarm_names["errors-${each.key}"]
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
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names["errors-${each.key}"]) <= 255
      error_message = "The alarm name ${local.alarm_names["errors-${each.key}"]} is longer than the 255 characters CloudWatch allows."
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "lambda_throttles" {
  for_each = var.function_names

  alarm_name          = local.alarm_names["throttles-${each.key}"]
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
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names["throttles-${each.key}"]) <= 255
      error_message = "The alarm name ${local.alarm_names["throttles-${each.key}"]} is longer than the 255 characters CloudWatch allows."
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "dead_letters" {
  for_each = var.dead_letter_queue_names

  alarm_name          = local.alarm_names["dead-letters-${each.key}"]
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
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names["dead-letters-${each.key}"]) <= 255
      error_message = "The alarm name ${local.alarm_names["dead-letters-${each.key}"]} is longer than the 255 characters CloudWatch allows."
    }
  }
}

# Glue publishes no job-failure metric; EventBridge counts the events each rule matches, targets or not.
resource "aws_cloudwatch_event_rule" "job_failures" {
  name        = local.rule_names.job_failures
  description = "Counts ETL job runs that failed, timed out or were stopped (alarm metric AWS/Events MatchedEvents)."
  tags        = local.tags

  event_pattern = jsonencode({
    source        = ["aws.glue"]
    "detail-type" = ["Glue Job State Change"]

    detail = {
      state   = ["FAILED", "TIMEOUT", "STOPPED"]
      jobName = [{ prefix = var.job_name_prefix }]
    }
  })

  lifecycle {
    precondition {
      condition     = length(local.rule_names.job_failures) <= 64
      error_message = "The EventBridge rule name ${local.rule_names.job_failures} is longer than the 64 characters EventBridge allows."
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "job_failures" {
  alarm_name          = local.alarm_names.job_failures
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
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names.job_failures) <= 255
      error_message = "The alarm name ${local.alarm_names.job_failures} is longer than the 255 characters CloudWatch allows."
    }
  }
}

# A raw-objects message that waits this long means the crawler trigger is failing or throttled: crawls, and so the
# stage layer, fall behind long before anything reaches the dead-letter queue.
resource "aws_cloudwatch_metric_alarm" "queue_age" {
  for_each = var.queue_age_names

  alarm_name          = local.alarm_names["queue-age-${each.key}"]
  alarm_description   = "The oldest message in ${each.value} is older than ${var.queue_age_threshold_seconds} s."
  namespace           = "AWS/SQS"
  metric_name         = "ApproximateAgeOfOldestMessage"
  dimensions          = { QueueName = each.value }
  statistic           = "Maximum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.queue_age_threshold_seconds
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names["queue-age-${each.key}"]) <= 255
      error_message = "The alarm name ${local.alarm_names["queue-age-${each.key}"]} is longer than the 255 characters CloudWatch allows."
    }
  }
}

# The ETL runner fails on a failed crawl too, but a crawler started on a schedule (or by hand) has no runner behind it.
resource "aws_cloudwatch_event_rule" "crawler_failures" {
  name        = local.rule_names.crawler_failures
  description = "Counts raw crawls that failed (alarm metric AWS/Events MatchedEvents)."
  tags        = local.tags

  event_pattern = jsonencode({
    source        = ["aws.glue"]
    "detail-type" = ["Glue Crawler State Change"]

    detail = {
      state       = ["Failed"]
      crawlerName = [{ prefix = var.crawler_name_prefix }]
    }
  })

  lifecycle {
    precondition {
      condition     = length(local.rule_names.crawler_failures) <= 64
      error_message = "The EventBridge rule name ${local.rule_names.crawler_failures} is longer than the 64 characters EventBridge allows."
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "crawler_failures" {
  alarm_name          = local.alarm_names.crawler_failures
  alarm_description   = "A raw crawl failed."
  namespace           = "AWS/Events"
  metric_name         = "MatchedEvents"
  dimensions          = { RuleName = aws_cloudwatch_event_rule.crawler_failures.name }
  statistic           = "Sum"
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = local.tags

  lifecycle {
    precondition {
      condition     = length(local.alarm_names.crawler_failures) <= 255
      error_message = "The alarm name ${local.alarm_names.crawler_failures} is longer than the 255 characters CloudWatch allows."
    }
  }
}

# Real-time vehicle status alerting (docs/alerting.md): the transformer writes the count of each invocation's valid
# records per alerted status as CloudWatch Embedded Metric Format; a minute with any of them raises the alarm, which
# tells the topic once, and again when the status is quiet for a minute (OK).
resource "aws_cloudwatch_metric_alarm" "status" {
  for_each = local.status_alerts

  alarm_name          = local.alarm_names["status-${each.key}"]
  alarm_description   = "Records of ${each.value.dataset} reported status ${upper(each.value.status)} (more than ${var.status_alert_threshold} a minute); StatusAlerts also has them per ${each.value.group_by}."
  namespace           = var.metrics_namespace
  metric_name         = "StatusAlerts"
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.status_alert_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = local.actions
  ok_actions          = local.actions
  tags                = local.tags

  dimensions = {
    deployment = var.name_prefix
    dataset    = each.value.dataset
    status     = each.value.status
  }

  lifecycle {
    precondition {
      condition     = length(local.alarm_names["status-${each.key}"]) <= 255
      error_message = "The alarm name ${local.alarm_names["status-${each.key}"]} is longer than the 255 characters CloudWatch allows."
    }
  }
}
