data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  account_id      = data.aws_caller_identity.current.account_id
  glue_arn_prefix = "arn:${data.aws_partition.current.partition}:glue:${data.aws_region.current.region}:${local.account_id}"
  role_name       = "${var.name_prefix}-crawler"
  crawler_names   = { for dataset in keys(var.raw_roots) : dataset => "${var.name_prefix}-${dataset}-raw" }
  tags            = merge({ Component = "catalog" }, var.tags)

  # Only new folders may be crawled incrementally if the crawler never changes or deletes what is there.
  incremental = var.recrawl_behavior == "CRAWL_NEW_FOLDERS_ONLY"
}

resource "aws_glue_catalog_database" "this" {
  name        = var.database_name
  description = "Pipeline data lake: raw (JSON, crawled) and stage (Parquet, written by the ETL jobs) tables."
  tags        = local.tags

  lifecycle {
    precondition {
      condition     = length(var.database_name) <= 255
      error_message = "The Glue database name ${var.database_name} is longer than the 255 characters Glue allows."
    }
  }
}

# Every crawler of the account and region logs to /aws-glue/crawlers (a crawler cannot be given another group), so
# one environment per account and region owns it: create_crawler_log_group = false in the others.
resource "aws_cloudwatch_log_group" "crawlers" {
  count = var.create_crawler_log_group ? 1 : 0

  name              = "/aws-glue/crawlers"
  retention_in_days = var.log_retention_days
  tags              = local.tags
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

resource "aws_iam_role" "crawler" {
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

data "aws_iam_policy_document" "crawler" {
  statement {
    sid       = "ListRaw"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = [for root in values(var.raw_roots) : "${root}*"]
    }
  }

  statement {
    sid       = "ReadRaw"
    actions   = ["s3:GetObject"]
    resources = [for root in values(var.raw_roots) : "${var.bucket_arn}/${root}*"]
  }

  statement {
    sid = "MaintainRawTables"

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
      "glue:BatchUpdatePartition",
      "glue:UpdatePartition",
    ]

    resources = [
      "${local.glue_arn_prefix}:catalog",
      aws_glue_catalog_database.this.arn,
      "${local.glue_arn_prefix}:table/${var.database_name}/${var.raw_table_prefix}*",
    ]
  }

  statement {
    sid     = "WriteCrawlerLogs"
    actions = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]

    resources = [
      "arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.region}:${local.account_id}:log-group:/aws-glue/crawlers",
      "arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.region}:${local.account_id}:log-group:/aws-glue/crawlers:*",
    ]
  }

  dynamic "statement" {
    for_each = var.kms_key_arn == null ? [] : [var.kms_key_arn]

    content {
      sid       = "DecryptRaw"
      actions   = ["kms:Decrypt"]
      resources = [statement.value]
    }
  }
}

resource "aws_iam_role_policy" "crawler" {
  name   = local.role_name
  role   = aws_iam_role.crawler.id
  policy = data.aws_iam_policy_document.crawler.json

  lifecycle {
    precondition {
      condition     = length(local.role_name) <= 128
      error_message = "The role policy name ${local.role_name} is longer than the 128 characters IAM allows."
    }
  }
}

resource "aws_glue_crawler" "raw" {
  for_each = var.raw_roots

  name          = local.crawler_names[each.key]
  description   = "Catalogs ${each.value} as ${var.raw_table_prefix}${each.key}, one partition per delivery hour."
  database_name = aws_glue_catalog_database.this.name
  role          = aws_iam_role.crawler.arn
  table_prefix  = var.raw_table_prefix
  schedule      = var.crawler_schedule
  tags          = local.tags

  configuration = jsonencode({
    Version       = 1.0
    Grouping      = { TableGroupingPolicy = "CombineCompatibleSchemas" }
    CrawlerOutput = { Partitions = { AddOrUpdateBehavior = "InheritFromTable" } }
  })

  s3_target {
    path = "s3://${var.bucket_name}/${each.value}"

    # Firehose writes failed records under the error prefix, outside this target; only transient files are skipped.
    exclusions = ["**/_temporary/**"]
  }

  recrawl_policy {
    recrawl_behavior = var.recrawl_behavior
  }

  schema_change_policy {
    update_behavior = local.incremental ? "LOG" : "UPDATE_IN_DATABASE"
    delete_behavior = local.incremental ? "LOG" : "DEPRECATE_IN_DATABASE"
  }

  lifecycle {
    precondition {
      condition     = length(local.crawler_names[each.key]) <= 255
      error_message = "The crawler name ${local.crawler_names[each.key]} is longer than the 255 characters Glue allows."
    }
  }

  depends_on = [aws_iam_role_policy.crawler]
}

resource "aws_glue_catalog_table" "parquet_schema" {
  for_each = var.parquet_schema_columns

  name          = "${each.key}_firehose_schema"
  database_name = aws_glue_catalog_database.this.name
  description   = "Schema Firehose's Parquet conversion writes for ${each.key}; holds no data."
  table_type    = "EXTERNAL_TABLE"

  storage_descriptor {
    location = "s3://${var.bucket_name}/${var.raw_roots[each.key]}"

    dynamic "columns" {
      for_each = each.value

      content {
        name = columns.value.name
        type = columns.value.type
      }
    }
  }
}
