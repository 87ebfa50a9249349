data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  glue_arn_prefix = "arn:${data.aws_partition.current.partition}:glue:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}"
  logs_arn_prefix = "arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}"

  # Only new folders may be crawled incrementally if the crawler never changes or deletes what is there.
  incremental = var.recrawl_behavior == "CRAWL_NEW_FOLDERS_ONLY"
}

resource "aws_glue_catalog_database" "this" {
  name        = var.database_name
  description = "Pipeline data lake: raw (JSON, crawled) and stage (Parquet, written by the ETL jobs) tables."
  tags        = var.tags
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

resource "aws_iam_role" "crawler" {
  name               = "${var.name_prefix}-crawler"
  assume_role_policy = data.aws_iam_policy_document.assume.json
  tags               = var.tags
}

data "aws_iam_policy_document" "crawler" {
  statement {
    sid       = "ListRaw"
    actions   = ["s3:ListBucket"]
    resources = [var.bucket_arn]

    condition {
      test     = "StringLike"
      variable = "s3:prefix"
      values   = ["raw/*"]
    }
  }

  statement {
    sid       = "ReadRaw"
    actions   = ["s3:GetObject"]
    resources = ["${var.bucket_arn}/raw/*"]
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
    sid       = "WriteCrawlerLogs"
    actions   = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${local.logs_arn_prefix}:log-group:/aws-glue/crawlers:*"]
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
  name   = "${var.name_prefix}-crawler"
  role   = aws_iam_role.crawler.id
  policy = data.aws_iam_policy_document.crawler.json
}

resource "aws_glue_crawler" "raw" {
  for_each = toset(var.datasets)

  name          = "${var.name_prefix}-${each.value}-raw"
  description   = "Catalogs raw/${each.value}/ as ${var.raw_table_prefix}${each.value}, one partition per delivery hour."
  database_name = aws_glue_catalog_database.this.name
  role          = aws_iam_role.crawler.arn
  table_prefix  = var.raw_table_prefix
  schedule      = var.crawler_schedule
  tags          = var.tags

  configuration = jsonencode({
    Version       = 1.0
    Grouping      = { TableGroupingPolicy = "CombineCompatibleSchemas" }
    CrawlerOutput = { Partitions = { AddOrUpdateBehavior = "InheritFromTable" } }
  })

  s3_target {
    path = "s3://${var.bucket_name}/raw/${each.value}/"

    # Firehose writes failed records under errors/, outside this target; only transient files are skipped.
    exclusions = ["**/_temporary/**"]
  }

  recrawl_policy {
    recrawl_behavior = var.recrawl_behavior
  }

  schema_change_policy {
    update_behavior = local.incremental ? "LOG" : "UPDATE_IN_DATABASE"
    delete_behavior = local.incremental ? "LOG" : "DEPRECATE_IN_DATABASE"
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
    location = "s3://${var.bucket_name}/raw/${each.key}/"

    dynamic "columns" {
      for_each = each.value

      content {
        name = columns.value.name
        type = columns.value.type
      }
    }
  }
}
