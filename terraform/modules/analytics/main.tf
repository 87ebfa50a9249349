locals {
  sample_queries = merge(
    { for dataset, table in var.raw_tables : "${dataset}-raw-sample" => { table = table, description = "Ten raw ${dataset} records." } },
    { for dataset, table in var.stage_tables : "${dataset}-stage-sample" => { table = table, description = "Ten flattened ${dataset} rows." } },
  )

  # The seeds' questions, kept for the datasets this deployment has.
  question_queries = {
    for key, question in {
      vehicle-speed-by-vendor = {
        dataset     = "vehicle_telemetry"
        description = "Average and top speed, and vehicles seen, per vendor."
        query       = "SELECT vendor, count(DISTINCT vehicle_id) AS vehicles, avg(vehicle_status_speed_kmh) AS avg_speed_kmh, max(vehicle_status_speed_kmh) AS max_speed_kmh FROM ${lookup(var.stage_tables, "vehicle_telemetry", "")} GROUP BY vendor ORDER BY avg_speed_kmh DESC"
      }
      clicks-funnel = {
        dataset     = "clickstream"
        description = "Sessions reaching each step of the shop funnel, per day."
        query       = "SELECT event_date, count(DISTINCT CASE WHEN action = 'view' THEN session_id END) AS viewed, count(DISTINCT CASE WHEN action = 'click' THEN session_id END) AS clicked, count(DISTINCT CASE WHEN action = 'add_to_cart' THEN session_id END) AS added_to_cart, count(DISTINCT CASE WHEN action = 'checkout' THEN session_id END) AS checked_out, count(DISTINCT CASE WHEN action = 'purchase' THEN session_id END) AS purchased FROM ${lookup(var.stage_tables, "clickstream", "")} GROUP BY event_date ORDER BY event_date"
      }
    } : key => question if contains(keys(var.stage_tables), question.dataset)
  }
}

resource "aws_athena_workgroup" "this" {
  name          = var.name_prefix
  description   = "Queries over the pipeline's raw and stage tables."
  state         = "ENABLED"
  force_destroy = var.force_destroy
  tags          = var.tags

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
}

resource "aws_athena_named_query" "sample" {
  for_each = local.sample_queries

  name        = "${var.name_prefix}-${each.key}"
  description = each.value.description
  workgroup   = aws_athena_workgroup.this.id
  database    = var.database_name
  query       = "SELECT * FROM ${each.value.table} LIMIT 10"
}

resource "aws_athena_named_query" "question" {
  for_each = local.question_queries

  name        = "${var.name_prefix}-${each.key}"
  description = each.value.description
  workgroup   = aws_athena_workgroup.this.id
  database    = var.database_name
  query       = each.value.query
}
