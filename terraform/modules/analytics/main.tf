locals {
  tags = merge({ Component = "analytics" }, var.tags)

  # Partitions of the last recent_days days (event_date is a yyyy-MM-dd string partition key, so this prunes).
  recent = "event_date >= date_format(current_date - interval '${var.recent_days}' day, '%Y-%m-%d')"

  sample_queries = merge(
    { for dataset, table in var.raw_tables : "${dataset}-raw-sample" => { table = table, description = "Ten raw ${dataset} records." } },
    { for dataset, table in var.stage_tables : "${dataset}-stage-sample" => { table = table, description = "Ten flattened ${dataset} rows." } },
  )

  # The seeds' questions, kept for the datasets this deployment has.
  question_queries = {
    for key, question in {
      vehicle-latest-positions = {
        dataset     = "vehicle_telemetry"
        description = "Where each vehicle was last seen in the last ${var.recent_days} days, with its vendor, model and status (the QuickSight map's rows)."
        query       = "SELECT vehicle_id, max_by(vendor, event_time) AS vendor, max_by(model, event_time) AS model, max_by(vehicle_status_status, event_time) AS status, max_by(vehicle_status_speed_kmh, event_time) AS speed_kmh, max_by(gps_info_latitude, event_time) AS latitude, max_by(gps_info_longitude, event_time) AS longitude, max(event_time) AS last_seen FROM ${lookup(var.stage_tables, "vehicle_telemetry", "")} WHERE ${local.recent} GROUP BY vehicle_id"
      }
    } : key => question if contains(keys(var.stage_tables), question.dataset)
  }

  # The queries/ files take the deployment's tables as template variables: <dataset>_stage and <dataset>_raw.
  query_tables = merge(
    { for dataset, table in var.stage_tables : "${dataset}_stage" => table },
    { for dataset, table in var.raw_tables : "${dataset}_raw" => table },
  )

  # The Explorer's questions: the same files are built into services/Pipeline.Explorer, so the AWS side offers what
  # the local page shows. A query is kept when this deployment has every table it reads.
  explorer_queries = {
    for file in fileset("${path.module}/queries", "*.sql") : trimsuffix(file, ".sql") => trimspace(templatefile("${path.module}/queries/${file}", local.query_tables))
    if alltrue([for table in regexall("\\$\\{([a-z0-9_]+)\\}", file("${path.module}/queries/${file}")) : contains(keys(local.query_tables), table[0])])
  }
}

resource "aws_athena_workgroup" "this" {
  name          = var.name_prefix
  description   = "Queries over the pipeline's raw and stage tables."
  state         = "ENABLED"
  force_destroy = var.force_destroy
  tags          = local.tags

  configuration {
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.bytes_scanned_cutoff_per_query

    engine_version {
      selected_engine_version = "Athena engine version 3"
    }

    result_configuration {
      output_location = "s3://${var.bucket_name}/${var.results_prefix}"

      encryption_configuration {
        encryption_option = var.kms_key_arn == null ? "SSE_S3" : "SSE_KMS"
        kms_key_arn       = var.kms_key_arn
      }
    }
  }

  lifecycle {
    precondition {
      condition     = length(var.name_prefix) <= 128
      error_message = "The workgroup name ${var.name_prefix} is longer than the 128 characters Athena allows."
    }
  }
}

resource "aws_athena_named_query" "sample" {
  for_each = local.sample_queries

  name        = "${var.name_prefix}-${each.key}"
  description = each.value.description
  workgroup   = aws_athena_workgroup.this.id
  database    = var.database_name
  query       = "SELECT * FROM ${each.value.table} LIMIT 10"

  lifecycle {
    precondition {
      condition     = length("${var.name_prefix}-${each.key}") <= 128
      error_message = "The named query name ${var.name_prefix}-${each.key} is longer than the 128 characters Athena allows."
    }
  }
}

resource "aws_athena_named_query" "explorer" {
  for_each = local.explorer_queries

  name        = "${var.name_prefix}-${each.key}"
  description = "The Explorer's ${each.key} question (queries/${each.key}.sql)."
  workgroup   = aws_athena_workgroup.this.id
  database    = var.database_name
  query       = each.value

  lifecycle {
    precondition {
      condition     = length("${var.name_prefix}-${each.key}") <= 128
      error_message = "The named query name ${var.name_prefix}-${each.key} is longer than the 128 characters Athena allows."
    }
  }
}

# Two of the seeds' questions became files of queries/ when the Explorer started asking them too.
moved {
  from = aws_athena_named_query.question["vehicle-speed-by-vendor"]
  to   = aws_athena_named_query.explorer["vehicle-speed-by-vendor"]
}

moved {
  from = aws_athena_named_query.question["clicks-funnel"]
  to   = aws_athena_named_query.explorer["clicks-funnel"]
}

resource "aws_athena_named_query" "question" {
  for_each = local.question_queries

  name        = "${var.name_prefix}-${each.key}"
  description = each.value.description
  workgroup   = aws_athena_workgroup.this.id
  database    = var.database_name
  query       = each.value.query

  lifecycle {
    precondition {
      condition     = length("${var.name_prefix}-${each.key}") <= 128
      error_message = "The named query name ${var.name_prefix}-${each.key} is longer than the 128 characters Athena allows."
    }
  }
}
