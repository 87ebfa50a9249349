data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id      = data.aws_caller_identity.current.account_id
  glue_arn_prefix = "arn:${data.aws_partition.current.partition}:glue:${data.aws_region.current.region}:${local.account_id}"
  script_key      = "scripts/${basename(var.script_path)}"
  helpers_path    = "${dirname(var.script_path)}/pipeline_flatten.py"
  helpers_key     = "scripts/pipeline_flatten.py"
  role_name       = "${var.name_prefix}-etl"
  job_names       = { for dataset in keys(var.jobs) : dataset => "${var.name_prefix}-${dataset}-etl" }
  tags            = merge({ Component = "etl" }, var.tags)

  # Glue 5.0 writes a run's stdout and stderr to <prefix>/output and its driver, executor and Spark logs to
  # <prefix>/error; without --custom-logGroup-prefix they would go to the account-wide /aws-glue/jobs/*, which no
  # environment owns (so no retention) and every environment of the account shares.
  log_group_prefix = "/aws-glue/jobs/${var.name_prefix}"
  log_streams      = toset(["output", "error"])
}

resource "aws_s3_object" "script" {
  bucket = var.bucket_name
  key    = local.script_key
  source = var.script_path

  # source_hash rather than etag: under SSE-KMS the etag is not the file's MD5, and the object must follow the file.
  source_hash = filemd5(var.script_path)
  tags        = local.tags
}

# The script imports its pure helpers (the flatten rule) from this module, passed with --extra-py-files.
resource "aws_s3_object" "helpers" {
  bucket = var.bucket_name
  key    = local.helpers_key
  source = local.helpers_path

  source_hash = filemd5(local.helpers_path)
  tags        = local.tags
}

resource "aws_cloudwatch_log_group" "jobs" {
  for_each = local.log_streams

  name              = "${local.log_group_prefix}/${each.key}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.kms_key_arn
  tags              = local.tags

  lifecycle {
    precondition {
      condition     = length("${local.log_group_prefix}/${each.key}") <= 512
      error_message = "The log group name ${local.log_group_prefix}/${each.key} is longer than the 512 characters CloudWatch Logs allows."
    }
  }
}

# Job bookmarks and the stage objects under the data key. CloudWatch encryption stays off here: with it Glue moves a
# run's logs to groups named after the security configuration and the role, outside the two groups above (and their
# retention and the role's grant); those groups are encrypted with the same key by CloudWatch Logs instead.
resource "aws_glue_security_configuration" "this" {
  count = var.kms_key_arn == null ? 0 : 1

  name = local.role_name

  encryption_configuration {
    cloudwatch_encryption {
      cloudwatch_encryption_mode = "DISABLED"
    }

    job_bookmarks_encryption {
      job_bookmarks_encryption_mode = "CSE-KMS"
      kms_key_arn                   = var.kms_key_arn
    }

    s3_encryption {
      s3_encryption_mode = "SSE-KMS"
      kms_key_arn        = var.kms_key_arn
    }
  }

  lifecycle {
    precondition {
      condition     = length(local.role_name) <= 255
      error_message = "The security configuration name ${local.role_name} is longer than the 255 characters Glue allows."
    }
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["glue.amazonaws.com"]
    }

    # Only Glue acting for this account may take the role (the confused-deputy guard).
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "job" {
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

data "aws_iam_policy_document" "job" {
  statement {
    sid       = "ListDataLake"
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = [var.bucket_arn]
  }

  statement {
    sid     = "ReadRawAndScript"
    actions = ["s3:GetObject"]

    resources = concat(
      [for job in values(var.jobs) : "${var.bucket_arn}/${job.raw_root}*"],
      ["${var.bucket_arn}/${local.script_key}", "${var.bucket_arn}/${local.helpers_key}"],
    )
  }

  statement {
    sid     = "WriteStageSummariesAndTemp"
    actions = ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"]

    resources = concat(
      [for job in values(var.jobs) : "${var.bucket_arn}/${job.stage_prefix}*"],
      ["${var.bucket_arn}/${var.job_runs_prefix}*", "${var.bucket_arn}/${var.temp_prefix}*"],
    )
  }

  # The crawler owns the raw tables: the job reads them and their partitions, and cannot change them.
  statement {
    sid     = "ReadRawTables"
    actions = ["glue:GetDatabase", "glue:GetTable", "glue:GetPartition", "glue:GetPartitions", "glue:BatchGetPartition"]

    resources = concat(
      ["${local.glue_arn_prefix}:catalog", "${local.glue_arn_prefix}:database/${var.database_name}"],
      [for job in values(var.jobs) : "${local.glue_arn_prefix}:table/${var.database_name}/${job.raw_table}"],
    )
  }

  statement {
    sid = "MaintainStageTables"

    actions = [
      "glue:GetDatabase",
      "glue:GetTable",
      "glue:CreateTable",
      "glue:UpdateTable",
      "glue:GetPartition",
      "glue:GetPartitions",
      "glue:BatchGetPartition",
      "glue:CreatePartition",
      "glue:BatchCreatePartition",
    ]

    resources = concat(
      ["${local.glue_arn_prefix}:catalog", "${local.glue_arn_prefix}:database/${var.database_name}"],
      [for job in values(var.jobs) : "${local.glue_arn_prefix}:table/${var.database_name}/${job.stage_table}"],
    )
  }

  # Exactly the two groups of this deployment's runs. CreateLogGroup too: Glue's log writer creates its group before
  # the first write (the groups exist, so it changes nothing) and would otherwise lose the run's logs.
  statement {
    sid       = "WriteJobLogs"
    actions   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]
    resources = flatten([for group in aws_cloudwatch_log_group.jobs : [group.arn, "${group.arn}:*"]])
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

  # Encrypt as well as decrypt: the security configuration encrypts job bookmarks client-side with the key.
  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "UseDataKey"
      actions   = ["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "job" {
  name   = local.role_name
  role   = aws_iam_role.job.id
  policy = data.aws_iam_policy_document.job.json

  lifecycle {
    precondition {
      condition     = length(local.role_name) <= 128
      error_message = "The role policy name ${local.role_name} is longer than the 128 characters IAM allows."
    }
  }
}

resource "aws_glue_job" "this" {
  for_each = var.jobs

  name                    = local.job_names[each.key]
  description             = "Flattens ${each.value.raw_table} into Parquet under ${each.value.stage_prefix} and the ${each.value.stage_table} table."
  role_arn                = aws_iam_role.job.arn
  glue_version            = "5.0"
  worker_type             = var.worker_type
  number_of_workers       = var.number_of_workers
  timeout                 = var.timeout_minutes
  max_retries             = 0
  job_run_queuing_enabled = var.job_run_queuing
  security_configuration  = one(aws_glue_security_configuration.this[*].name)
  tags                    = local.tags

  command {
    name            = "glueetl"
    script_location = "s3://${var.bucket_name}/${aws_s3_object.script.key}"
    python_version  = "3"
  }

  # One run at a time: runs of a dataset read the bookmark and the stage ids, so they must not overlap. A run
  # started while another is going waits in Glue's queue (job_run_queuing_enabled) instead of failing.
  execution_property {
    max_concurrent_runs = var.max_concurrent_runs
  }

  # The contract of docs/orchestration.md; terraform/glue/tests/test_glue_starts_the_job.py reads this map and runs
  # the script with it, so keep it a literal map of one "--name" = expression a line.
  default_arguments = {
    "--dataset"                = each.key
    "--database"               = var.database_name
    "--raw_table"              = each.value.raw_table
    "--stage_table"            = each.value.stage_table
    "--stage_path"             = "s3://${var.bucket_name}/${each.value.stage_prefix}"
    "--partition_keys"         = join(",", each.value.partition_keys)
    "--id_field"               = each.value.id_field
    "--time_field"             = each.value.time_field
    "--output_compression"     = var.output_compression
    "--run_summary_path"       = "s3://${var.bucket_name}/${var.job_runs_prefix}"
    "--job-bookmark-option"    = "job-bookmark-enable"
    "--extra-py-files"         = "s3://${var.bucket_name}/${aws_s3_object.helpers.key}"
    "--TempDir"                = "s3://${var.bucket_name}/${var.temp_prefix}"
    "--enable-metrics"         = "true"
    "--custom-logGroup-prefix" = local.log_group_prefix
  }

  lifecycle {
    precondition {
      condition     = length(local.job_names[each.key]) <= 255
      error_message = "The Glue job name ${local.job_names[each.key]} is longer than the 255 characters Glue allows."
    }
  }

  depends_on = [aws_iam_role_policy.job]
}
