data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  glue_arn_prefix = "arn:${data.aws_partition.current.partition}:glue:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}"
  script_key      = "scripts/${basename(var.script_path)}"
  helpers_path    = "${dirname(var.script_path)}/pipeline_flatten.py"
  helpers_key     = "scripts/pipeline_flatten.py"
  temp_prefix     = "tmp/glue/"
}

resource "aws_s3_object" "script" {
  bucket = var.bucket_name
  key    = local.script_key
  source = var.script_path

  # source_hash rather than etag: under SSE-KMS the etag is not the file's MD5, and the object must follow the file.
  source_hash = filemd5(var.script_path)
  tags        = var.tags
}

# The script imports its pure helpers (the flatten rule) from this module, passed with --extra-py-files.
resource "aws_s3_object" "helpers" {
  bucket = var.bucket_name
  key    = local.helpers_key
  source = local.helpers_path

  source_hash = filemd5(local.helpers_path)
  tags        = var.tags
}

resource "aws_cloudwatch_log_group" "jobs" {
  name              = "/aws-glue/jobs/${var.name_prefix}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["glue.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "job" {
  name               = "${var.name_prefix}-etl"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "job" {
  statement {
    sid       = "ListDataLake"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [var.bucket_arn]
  }

  statement {
    sid       = "ReadRawAndScript"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arn}/raw/*", "${var.bucket_arn}/${local.script_key}", "${var.bucket_arn}/${local.helpers_key}"]
  }

  statement {
    sid       = "WriteStageSummariesAndTemp"
    actions   = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]
    resources = ["${var.bucket_arn}/stage/*", "${var.bucket_arn}/${var.job_runs_prefix}*", "${var.bucket_arn}/${local.temp_prefix}*"]
  }

  statement {
    sid = "ReadRawWriteStageTables"

    actions = [
      "glue:GetDatabase",
      "glue:GetTable",
      "glue:GetTables",
      "glue:CreateTable",
      "glue:UpdateTable",
      "glue:GetPartition",
      "glue:GetPartitions",
      "glue:BatchGetPartition",
      "glue:BatchCreatePartition",
      "glue:CreatePartition",
    ]

    resources = concat(
      ["${local.glue_arn_prefix}:catalog", "${local.glue_arn_prefix}:database/${var.database_name}"],
      [for job in values(var.jobs) : "${local.glue_arn_prefix}:table/${var.database_name}/${job.raw_table}"],
      [for job in values(var.jobs) : "${local.glue_arn_prefix}:table/${var.database_name}/${job.stage_table}"],
    )
  }

  statement {
    sid       = "WriteJobLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.jobs.arn}:*"]
  }

  statement {
    sid     = "PublishJobMetrics"
    actions = ["cloudwatch:PutMetricData"]

    # CloudWatch metrics have no resource-level permissions: "*" is the only resource AWS accepts; the namespace is pinned instead.
    resources = ["*"]

    condition {
      test     = "StringEquals"
      variable = "cloudwatch:namespace"
      values   = ["Glue"]
    }
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "UseDataKey"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "job" {
  name   = "${var.name_prefix}-etl"
  role   = aws_iam_role.job.id
  policy = data.aws_iam_policy_document.job.json
}

resource "aws_glue_job" "this" {
  for_each = var.jobs

  name              = "${var.name_prefix}-${each.key}-etl"
  description       = "Flattens ${each.value.raw_table} into Parquet under ${each.value.stage_prefix} and the ${each.value.stage_table} table."
  role_arn          = aws_iam_role.job.arn
  glue_version      = "5.0"
  worker_type       = var.worker_type
  number_of_workers = var.number_of_workers
  timeout           = var.timeout_minutes
  max_retries       = 0
  tags              = var.tags

  command {
    name            = "glueetl"
    script_location = "s3://${var.bucket_name}/${aws_s3_object.script.key}"
    python_version  = "3"
  }

  execution_property {
    max_concurrent_runs = var.max_concurrent_runs
  }

  default_arguments = {
    "--database"                         = var.database_name
    "--raw_table"                        = each.value.raw_table
    "--stage_table"                      = each.value.stage_table
    "--stage_path"                       = "s3://${var.bucket_name}/${each.value.stage_prefix}"
    "--partition_keys"                   = join(",", each.value.partition_keys)
    "--id_field"                         = each.value.id_field
    "--time_field"                       = each.value.time_field
    "--output_compression"               = var.output_compression
    "--run_summary_path"                 = "s3://${var.bucket_name}/${var.job_runs_prefix}"
    "--job-bookmark-option"              = "job-bookmark-enable"
    "--extra-py-files"                   = "s3://${var.bucket_name}/${aws_s3_object.helpers.key}"
    "--TempDir"                          = "s3://${var.bucket_name}/${local.temp_prefix}"
    "--enable-metrics"                   = "true"
    "--enable-continuous-cloudwatch-log" = "true"
    "--continuous-log-logGroup"          = aws_cloudwatch_log_group.jobs.name
  }

  depends_on = [aws_iam_role_policy.job]
}
