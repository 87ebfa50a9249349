data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.region

  streams = {
    for dataset in var.datasets : dataset => {
      name = "${var.name_prefix}-${dataset}"

      prefix = var.enable_dynamic_partitioning ? join("", concat(
        ["raw/${dataset}/"],
        [for key in lookup(var.dynamic_partition_keys, dataset, []) : "${key}=!{partitionKeyFromLambda:${key}}/"],
        ["hour=!{timestamp:HH}/"],
      )) : replace(var.raw_prefix_template, "{dataset}", dataset)

      error_prefix = replace(var.error_prefix_template, "{dataset}", dataset)
    }
  }

  glue_database_arn = "arn:${local.partition}:glue:${local.region}:${local.account_id}:database/${var.glue_database_name}"
  glue_catalog_arn  = "arn:${local.partition}:glue:${local.region}:${local.account_id}:catalog"
}

resource "aws_cloudwatch_log_group" "stream" {
  for_each = local.streams

  name              = "/aws/kinesisfirehose/${each.value.name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
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
  name               = "${var.name_prefix}-firehose"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
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
    resources = ["${var.bucket_arn}/raw/*", "${var.bucket_arn}/errors/*"]
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
  name   = "${var.name_prefix}-firehose"
  role   = aws_iam_role.firehose.id
  policy = data.aws_iam_policy_document.firehose.json
}

resource "aws_kinesis_firehose_delivery_stream" "this" {
  for_each = local.streams

  name        = each.value.name
  destination = "extended_s3"
  tags        = var.tags

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

        parameters {
          parameter_name  = "BufferSizeInMBs"
          parameter_value = tostring(var.processor_buffer_size_mib)
        }

        parameters {
          parameter_name  = "BufferIntervalInSeconds"
          parameter_value = tostring(var.processor_buffer_interval_seconds)
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

  depends_on = [aws_iam_role_policy.firehose]
}
