data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  role_name = "${var.name_prefix}-firehose"
  tags      = merge({ Component = "ingestion" }, var.tags)

  # The constant start of a dataset's prefixes, up to the last "/" before the first expression (raw/<dataset>/,
  # errors/<dataset>/): all the role may write, as the templates of datasets.json say, not a hard-coded layer.
  raw_roots   = { for dataset in var.datasets : dataset => regex("^[^!]*/", replace(var.raw_prefix_template, "{dataset}", dataset)) }
  error_roots = { for dataset in var.datasets : dataset => regex("^[^!]*/", replace(var.error_prefix_template, "{dataset}", dataset)) }

  streams = {
    for dataset in var.datasets : dataset => {
      name = "${var.name_prefix}-${dataset}"

      prefix = var.enable_dynamic_partitioning ? join("", concat(
        [local.raw_roots[dataset]],
        [for key in lookup(var.dynamic_partition_keys, dataset, []) : "${key}=!{partitionKeyFromLambda:${key}}/"],
        ["hour=!{timestamp:HH}/"],
      )) : replace(var.raw_prefix_template, "{dataset}", dataset)

      error_prefix = replace(var.error_prefix_template, "{dataset}", dataset)
    }
  }

  # Firehose does not return a processor parameter whose value is the default (BufferSizeInMBs 1,
  # BufferIntervalInSeconds 60), so one written out would show as a change in every plan: only others are set.
  processor_defaults = { BufferSizeInMBs = "1", BufferIntervalInSeconds = "60" }

  processor_buffering = {
    for name, value in {
      BufferSizeInMBs         = tostring(var.processor_buffer_size_mib)
      BufferIntervalInSeconds = tostring(var.processor_buffer_interval_seconds)
    } : name => value if value != local.processor_defaults[name]
  }

  glue_database_arn = "arn:${local.partition}:glue:${local.region}:${local.account_id}:database/${var.glue_database_name}"
  glue_catalog_arn  = "arn:${local.partition}:glue:${local.region}:${local.account_id}:catalog"
}

resource "aws_cloudwatch_log_group" "stream" {
  for_each = local.streams

  name              = "/aws/kinesisfirehose/${each.value.name}"
  retention_in_days = var.log_retention_days
  tags              = local.tags

  lifecycle {
    precondition {
      condition     = length("/aws/kinesisfirehose/${each.value.name}") <= 512
      error_message = "The log group name /aws/kinesisfirehose/${each.value.name} is longer than the 512 characters CloudWatch Logs allows."
    }
  }
}

resource "aws_cloudwatch_log_stream" "delivery" {
  for_each = local.streams

  name           = "DestinationDelivery"
  log_group_name = aws_cloudwatch_log_group.stream[each.key].name
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["firehose.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "firehose" {
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

data "aws_iam_policy_document" "firehose" {
  statement {
    sid       = "ListBucket"
    actions   = ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"]
    resources = [var.bucket_arn]
  }

  statement {
    sid       = "WriteRawAndErrors"
    actions   = ["s3:AbortMultipartUpload", "s3:GetObject", "s3:PutObject"]
    resources = [for root in concat(values(local.raw_roots), values(local.error_roots)) : "${var.bucket_arn}/${root}*"]
  }

  statement {
    sid       = "InvokeTransformer"
    actions   = ["lambda:InvokeFunction", "lambda:GetFunctionConfiguration"]
    resources = [var.transformer_function_arn, "${var.transformer_function_arn}:*"]
  }

  statement {
    sid       = "WriteDeliveryLogs"
    actions   = ["logs:PutLogEvents"]
    resources = [for group in aws_cloudwatch_log_group.stream : "${group.arn}:*"]
  }

  dynamic "statement" {
    for_each = var.enable_parquet_conversion ? [true] : []

    content {
      sid     = "ReadParquetSchema"
      actions = ["glue:GetTable", "glue:GetTableVersion", "glue:GetTableVersions"]

      resources = concat(
        [local.glue_catalog_arn, local.glue_database_arn],
        [for table in values(var.parquet_schema_tables) : "arn:${local.partition}:glue:${local.region}:${local.account_id}:table/${var.glue_database_name}/${table}"],
      )
    }
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "EncryptObjects"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "firehose" {
  name   = local.role_name
  role   = aws_iam_role.firehose.id
  policy = data.aws_iam_policy_document.firehose.json

  lifecycle {
    precondition {
      condition     = length(local.role_name) <= 128
      error_message = "The role policy name ${local.role_name} is longer than the 128 characters IAM allows."
    }
  }
}

resource "aws_kinesis_firehose_delivery_stream" "this" {
  for_each = local.streams

  name        = each.value.name
  destination = "extended_s3"
  tags        = local.tags

  server_side_encryption {
    enabled  = true
    key_type = var.kms_key_arn == null ? "AWS_OWNED_CMK" : "CUSTOMER_MANAGED_CMK"
    key_arn  = var.kms_key_arn
  }

  extended_s3_configuration {
    role_arn            = aws_iam_role.firehose.arn
    bucket_arn          = var.bucket_arn
    prefix              = each.value.prefix
    error_output_prefix = each.value.error_prefix
    buffering_size      = var.buffer_size_mib
    buffering_interval  = var.buffer_interval_seconds
    compression_format  = var.enable_parquet_conversion ? "UNCOMPRESSED" : var.compression_format
    kms_key_arn         = var.kms_key_arn

    cloudwatch_logging_options {
      enabled         = true
      log_group_name  = aws_cloudwatch_log_group.stream[each.key].name
      log_stream_name = aws_cloudwatch_log_stream.delivery[each.key].name
    }

    processing_configuration {
      enabled = true

      processors {
        type = "Lambda"

        parameters {
          parameter_name  = "LambdaArn"
          parameter_value = var.transformer_function_arn
        }

        dynamic "parameters" {
          for_each = local.processor_buffering

          content {
            parameter_name  = parameters.key
            parameter_value = parameters.value
          }
        }
      }
    }

    dynamic "dynamic_partitioning_configuration" {
      for_each = var.enable_dynamic_partitioning ? [true] : []

      content {
        enabled        = true
        retry_duration = 300
      }
    }

    dynamic "data_format_conversion_configuration" {
      for_each = var.enable_parquet_conversion ? [var.parquet_schema_tables[each.key]] : []

      content {
        enabled = true

        input_format_configuration {
          deserializer {
            open_x_json_ser_de {}
          }
        }

        output_format_configuration {
          serializer {
            parquet_ser_de {
              compression = "SNAPPY"
            }
          }
        }

        schema_configuration {
          database_name = var.glue_database_name
          table_name    = data_format_conversion_configuration.value
          role_arn      = aws_iam_role.firehose.arn
        }
      }
    }
  }

  lifecycle {
    precondition {
      condition     = length(each.value.name) <= 64
      error_message = "The delivery stream name ${each.value.name} is longer than the 64 characters Firehose allows."
    }
  }

  depends_on = [aws_iam_role_policy.firehose]
}
