data "aws_partition" "current" {}

locals {
  # A filtered for expression rather than a conditional: {} and a three-attribute object are types HCL cannot unify.
  otel_environment = {
    for key, value in {
      OTEL_EXPORTER_OTLP_ENDPOINT = var.otel_exporter_endpoint
      OTEL_EXPORTER_OTLP_PROTOCOL = var.otel_exporter_protocol
      OTEL_SERVICE_NAME           = var.name
    } : key => value if var.otel_exporter_endpoint != null
  }

  environment = merge(local.otel_environment, var.environment_variables)
  role_name   = "${var.name}-role"
  log_group   = "/aws/lambda/${var.name}"
  tags        = merge({ Component = "lambda-function" }, var.tags)

  dead_letter_action = var.dead_letter_target_arn == null ? null : (
    startswith(var.dead_letter_target_arn, "arn:${data.aws_partition.current.partition}:sqs:") ? "sqs:SendMessage" : "sns:Publish"
  )
}

resource "aws_cloudwatch_log_group" "this" {
  name              = local.log_group
  retention_in_days = var.log_retention_days
  tags              = local.tags

  lifecycle {
    precondition {
      condition     = length(local.log_group) <= 512
      error_message = "The log group name ${local.log_group} is longer than the 512 characters CloudWatch Logs allows."
    }
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = local.role_name
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = local.tags

  lifecycle {
    precondition {
      condition     = length(local.role_name) <= 64
      error_message = "The IAM role name ${local.role_name} is longer than the 64 characters IAM allows."
    }
  }
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this.arn}:*"]
  }

  dynamic "statement" {
    for_each = var.policy_statements

    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }

  dynamic "statement" {
    for_each = local.dead_letter_action == null ? [] : [local.dead_letter_action]

    content {
      sid       = "SendToDeadLetterTarget"
      actions   = [statement.value]
      resources = [var.dead_letter_target_arn]
    }
  }

  dynamic "statement" {
    for_each = length(var.data_kms_key_arns) == 0 ? [] : [var.data_kms_key_arns]

    content {
      sid       = "UseDataKeys"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = statement.value
    }
  }
}

resource "aws_iam_role_policy" "this" {
  name   = "${var.name}-policy"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.this.json

  lifecycle {
    precondition {
      condition     = length("${var.name}-policy") <= 128
      error_message = "The role policy name ${var.name}-policy is longer than the 128 characters IAM allows."
    }
  }
}

resource "aws_lambda_function" "this" {
  function_name                  = var.name
  description                    = var.description
  role                           = aws_iam_role.this.arn
  runtime                        = "provided.al2023"
  handler                        = "bootstrap"
  architectures                  = [var.architecture]
  filename                       = var.package_path
  source_code_hash               = filebase64sha256(var.package_path)
  memory_size                    = var.memory_size
  timeout                        = var.timeout
  reserved_concurrent_executions = var.reserved_concurrent_executions
  tags                           = local.tags

  environment {
    variables = local.environment
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.this.name
  }

  dynamic "dead_letter_config" {
    for_each = var.dead_letter_target_arn == null ? [] : [var.dead_letter_target_arn]

    content {
      target_arn = dead_letter_config.value
    }
  }

  lifecycle {
    precondition {
      condition     = length(var.name) <= 64
      error_message = "The function name ${var.name} is longer than the 64 characters Lambda allows."
    }
  }

  # The role's policy must exist before the first invocation can write logs.
  depends_on = [aws_iam_role_policy.this]
}
