data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

data "aws_region" "current" {}

locals {
  # The one description of the datasets, read by the app host too: local and AWS cannot drift.
  description = jsondecode(file("${path.module}/../../../datasets.json"))
  deployment  = local.description.deployment
  settings    = local.deployment.environments.aws
  datasets    = { for dataset in local.description.datasets : dataset.name => dataset }
  names       = sort(keys(local.datasets))
  package_dir = coalesce(var.package_dir, "${path.module}/../../build")
  kms_key_arn = one(aws_kms_key.data[*].arn)
  data_keys   = compact([local.kms_key_arn])

  tags = merge({ Project = "pipeline", Environment = "dev", ManagedBy = "terraform" }, var.tags)

  # One database per environment: two environments in one account and region must not share tables.
  database_name = "${replace(var.name_prefix, "-", "_")}_${local.deployment.catalog_database}"

  # Every key prefix comes from datasets.json. A layer's root is the part before {dataset} (raw/, errors/), what its
  # lifecycle rule covers; a dataset's root is its prefix up to the last "/" before the first expression
  # (raw/<dataset>/), all a role may read or write of it.
  layer_roots = {
    raw   = split("{dataset}", local.deployment.raw_prefix)[0]
    error = split("{dataset}", local.deployment.error_prefix)[0]
  }
  raw_roots      = { for name in local.names : name => regex("^[^!]*/", replace(local.deployment.raw_prefix, "{dataset}", name)) }
  stage_prefixes = { for name in local.names : name => replace(local.deployment.stage_prefix, "{dataset}", name) }
  temp_prefix    = "tmp/"

  # Datasets whose records carry a status worth an alarm within a minute (docs/alerting.md).
  status_alerts = {
    for name, dataset in local.datasets : name => {
      statuses = dataset.status_alerts.values
      group_by = dataset.status_alerts.group_by
    } if try(dataset.status_alerts, null) != null
  }

  glue_arn_prefix = "arn:${data.aws_partition.current.partition}:glue:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}"

  function_environment = {
    PIPELINE_NAME_PREFIX = var.name_prefix
  }

  stage_tables = { for name in local.names : name => replace(local.deployment.stage_table, "{dataset}", name) }

  # Hive types of the columns Firehose's Parquet conversion writes; timestamps stay ISO 8601 strings as in raw JSON.
  hive_types = { string = "string", timestamp = "string", double = "double", integer = "bigint", boolean = "boolean" }

  parquet_schema_columns = {
    for name, dataset in local.datasets : name => concat(
      [
        for field in dataset.fields : {
          name = field.name
          type = field.type == "struct" ? "struct<${join(",", [for child in try(field.fields, []) : "${child.name}:${child.type == "array" ? "array<${lookup(local.hive_types, try(child.items.type, "string"), "string")}>" : lookup(local.hive_types, child.type, "string")}"])}>" : field.type == "array" ? "array<${lookup(local.hive_types, try(field.items.type, "string"), "string")}>" : lookup(local.hive_types, field.type, "string")
        }
      ],
      [{ name = "ingest_time", type = "string" }],
    ) if var.enable_parquet_conversion
  }
}

data "aws_iam_policy_document" "data_key" {
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

  # CloudWatch Logs encrypts the Glue jobs' log groups with the key, and only those.
  statement {
    sid     = "CloudWatchLogsEncryptsJobLogs"
    actions = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:DescribeKey"]

    # In a key policy "*" is the key the policy is attached to.
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnLike"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:/aws-glue/jobs/${var.name_prefix}/*"]
    }
  }
}

resource "aws_kms_key" "data" {
  count = var.enable_kms ? 1 : 0

  description             = "Encrypts the ${var.name_prefix} data lake, delivery streams, query results, job bookmarks and logs, and job notifications."
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.data_key.json
}

resource "aws_kms_alias" "data" {
  count = var.enable_kms ? 1 : 0

  name          = "alias/${var.name_prefix}-data"
  target_key_id = aws_kms_key.data[0].key_id

  lifecycle {
    precondition {
      condition     = length("alias/${var.name_prefix}-data") <= 256
      error_message = "The key alias alias/${var.name_prefix}-data is longer than the 256 characters KMS allows."
    }
  }
}

module "storage" {
  source = "../../modules/storage"

  name_prefix           = var.name_prefix
  kms_key_arn           = local.kms_key_arn
  enable_versioning     = var.enable_s3_versioning
  force_destroy         = var.force_destroy
  raw_prefix            = local.layer_roots.raw
  error_prefix          = local.layer_roots.error
  temp_prefix           = local.temp_prefix
  job_runs_prefix       = local.deployment.job_runs_prefix
  athena_results_prefix = local.deployment.athena_results_prefix
}

module "firehose_transformer" {
  source = "../../modules/lambda-function"

  name                   = "${var.name_prefix}-firehose-transformer"
  description            = "Validates and normalises each record for Firehose and returns its partition keys."
  package_path           = "${local.package_dir}/firehose-transformer.zip"
  architecture           = var.function_architecture
  memory_size            = var.function_memory_size
  timeout                = 120
  environment_variables  = local.function_environment
  otel_exporter_endpoint = var.otel_exporter_endpoint
  log_retention_days     = var.log_retention_days
  tags                   = { Component = "ingestion" }

  # The status alerts go out as Embedded Metric Format lines in its own log group: no AWS call, no permission.
  policy_statements = []
}

module "ingestion" {
  source = "../../modules/ingestion"

  name_prefix                       = var.name_prefix
  datasets                          = local.names
  raw_prefix_template               = local.deployment.raw_prefix
  error_prefix_template             = local.deployment.error_prefix
  dynamic_partition_keys            = { for name, dataset in local.datasets : name => [for key in dataset.lambda_partition_keys : key.name] }
  bucket_arn                        = module.storage.bucket_arn
  kms_key_arn                       = local.kms_key_arn
  transformer_function_arn          = module.firehose_transformer.function_arn
  buffer_size_mib                   = local.settings.buffer_size_mib
  buffer_interval_seconds           = local.settings.buffer_interval_seconds
  processor_buffer_size_mib         = local.settings.processor_buffer_size_mib
  processor_buffer_interval_seconds = local.settings.processor_buffer_interval_seconds
  compression_format                = local.settings.compression
  enable_dynamic_partitioning       = var.enable_dynamic_partitioning
  enable_parquet_conversion         = var.enable_parquet_conversion
  glue_database_name                = module.catalog.database_name
  parquet_schema_tables             = module.catalog.parquet_schema_tables
  log_retention_days                = var.log_retention_days
}

module "catalog" {
  source = "../../modules/catalog"

  name_prefix              = var.name_prefix
  database_name            = local.database_name
  raw_roots                = local.raw_roots
  raw_table_prefix         = local.deployment.raw_table_prefix
  bucket_name              = module.storage.bucket_name
  bucket_arn               = module.storage.bucket_arn
  kms_key_arn              = local.kms_key_arn
  crawler_schedule         = var.crawler_schedule
  parquet_schema_columns   = local.parquet_schema_columns
  create_crawler_log_group = var.create_crawler_log_group
  log_retention_days       = var.log_retention_days
}

module "etl" {
  source = "../../modules/etl"

  name_prefix         = var.name_prefix
  database_name       = module.catalog.database_name
  bucket_name         = module.storage.bucket_name
  bucket_arn          = module.storage.bucket_arn
  kms_key_arn         = local.kms_key_arn
  script_path         = "${path.module}/../../glue/pipeline_etl.py"
  job_runs_prefix     = local.deployment.job_runs_prefix
  temp_prefix         = "${local.temp_prefix}glue/"
  output_compression  = local.deployment.etl_output_compression
  worker_type         = var.glue_worker_type
  number_of_workers   = var.glue_number_of_workers
  max_concurrent_runs = var.glue_max_concurrent_runs
  timeout_minutes     = var.glue_timeout_minutes
  log_retention_days  = var.log_retention_days

  jobs = {
    for name, dataset in local.datasets : name => {
      raw_table      = module.catalog.raw_table_names[name]
      raw_root       = local.raw_roots[name]
      stage_table    = local.stage_tables[name]
      stage_prefix   = local.stage_prefixes[name]
      partition_keys = dataset.stage_partition_keys
      id_field       = dataset.id_field
      time_field     = dataset.time_field
    }
  }
}

module "notifications" {
  source = "../../modules/notifications"

  topic_name          = "${var.name_prefix}-job-notifications"
  kms_key_arn         = local.kms_key_arn
  email_addresses     = var.notification_emails
  publisher_role_arns = [module.notifier.role_arn]
}

module "etl_runner" {
  source = "../../modules/lambda-function"

  name                   = "${var.name_prefix}-etl-runner"
  description            = "Starts the ETL job of a dataset whose raw crawler succeeded."
  package_path           = "${local.package_dir}/etl-runner.zip"
  architecture           = var.function_architecture
  memory_size            = var.function_memory_size
  timeout                = 120
  environment_variables  = local.function_environment
  otel_exporter_endpoint = var.otel_exporter_endpoint
  log_retention_days     = var.log_retention_days
  dead_letter_target_arn = module.orchestration.function_failures_queue_arn
  tags                   = { Component = "orchestration" }

  policy_statements = [
    {
      sid       = "RunEtlJobs"
      actions   = ["glue:StartJobRun", "glue:GetJobRuns"]
      resources = values(module.etl.job_arns)
    },
  ]
}

module "notifier" {
  source = "../../modules/lambda-function"

  name                   = "${var.name_prefix}-notifier"
  description            = "Tells the job notification topic how each ETL job run ended."
  package_path           = "${local.package_dir}/notifier.zip"
  architecture           = var.function_architecture
  memory_size            = var.function_memory_size
  timeout                = 60
  otel_exporter_endpoint = var.otel_exporter_endpoint
  log_retention_days     = var.log_retention_days
  dead_letter_target_arn = module.orchestration.function_failures_queue_arn
  data_kms_key_arns      = local.data_keys
  tags                   = { Component = "orchestration" }

  environment_variables = merge(local.function_environment, {
    PIPELINE_TOPIC_ARN = module.notifications.topic_arn
    # A run's stdout and stderr (the script's JSON lines, a Python traceback) are in the output group, in streams
    # named after the run id.
    PIPELINE_JOB_LOG_URL = "https://console.aws.amazon.com/cloudwatch/home?region={region}#logsV2:log-groups/log-group/${replace(urlencode(module.etl.log_group_names.output), "%", "$25")}$3FlogStreamNameFilter$3D{job_run_id}"
  })

  policy_statements = [
    {
      sid       = "ReadJobRuns"
      actions   = ["glue:GetJobRun"]
      resources = values(module.etl.job_arns)
    },
    {
      sid       = "ReadRunSummaries"
      actions   = ["s3:GetObject"]
      resources = ["${module.storage.bucket_arn}/${local.deployment.job_runs_prefix}*"]
    },
    {
      sid       = "PublishJobNotifications"
      actions   = ["sns:Publish"]
      resources = [module.notifications.topic_arn]
    },
  ]
}

module "orchestration" {
  source = "../../modules/orchestration"

  name_prefix                             = var.name_prefix
  bucket_name                             = module.storage.bucket_name
  bucket_arn                              = module.storage.bucket_arn
  raw_roots                               = local.raw_roots
  event_driven_crawling                   = var.crawler_schedule == null
  crawler_arns                            = module.catalog.crawler_arns
  queue_visibility_timeout_seconds        = local.settings.queue_visibility_timeout_seconds
  queue_max_receive_count                 = local.settings.queue_max_receive_count
  crawler_trigger_batch_size              = local.settings.crawler_trigger_batch_size
  crawler_trigger_batching_window_seconds = local.settings.crawler_trigger_batching_window_seconds
  crawler_trigger_package_path            = "${local.package_dir}/crawler-trigger.zip"
  function_architecture                   = var.function_architecture
  function_memory_size                    = var.function_memory_size
  function_environment                    = local.function_environment
  otel_exporter_endpoint                  = var.otel_exporter_endpoint
  log_retention_days                      = var.log_retention_days
  etl_runner_function_arn                 = module.etl_runner.function_arn
  etl_runner_function_name                = module.etl_runner.function_name
  notifier_function_arn                   = module.notifier.function_arn
  notifier_function_name                  = module.notifier.function_name
}

module "analytics" {
  source = "../../modules/analytics"

  name_prefix                    = var.name_prefix
  bucket_name                    = module.storage.bucket_name
  results_prefix                 = local.deployment.athena_results_prefix
  kms_key_arn                    = local.kms_key_arn
  bytes_scanned_cutoff_per_query = var.athena_bytes_scanned_cutoff
  force_destroy                  = var.force_destroy
  database_name                  = module.catalog.database_name
  raw_tables                     = module.catalog.raw_table_names
  stage_tables                   = local.stage_tables
  recent_days                    = var.recent_days
}

# Seed 004's dashboard, over the vehicle_telemetry stage table; needs the account's QuickSight subscription.
module "quicksight" {
  source = "../../modules/quicksight"
  count  = var.enable_quicksight && contains(local.names, "vehicle_telemetry") ? 1 : 0

  name_prefix            = var.name_prefix
  principal_arns         = var.quicksight_principal_arns
  service_role_name      = var.quicksight_service_role_name
  workgroup_name         = module.analytics.workgroup_name
  workgroup_arn          = module.analytics.workgroup_arn
  database_name          = module.catalog.database_name
  stage_table            = local.stage_tables["vehicle_telemetry"]
  stage_prefix           = local.stage_prefixes["vehicle_telemetry"]
  latest_positions_query = module.analytics.question_queries["vehicle-latest-positions"]
  bucket_arn             = module.storage.bucket_arn
  results_prefix         = local.deployment.athena_results_prefix
  kms_key_arn            = local.kms_key_arn
}

module "observability" {
  source = "../../modules/observability"
  count  = var.enable_alarms ? 1 : 0

  name_prefix           = var.name_prefix
  alarm_emails          = var.alarm_emails == null ? var.notification_emails : var.alarm_emails
  delivery_stream_names = module.ingestion.delivery_stream_names
  job_name_prefix       = "${var.name_prefix}-"
  crawler_name_prefix   = "${var.name_prefix}-"
  metrics_namespace     = local.deployment.metrics_namespace
  status_alerts         = local.status_alerts

  status_alert_threshold = var.status_alert_threshold

  # The raw-objects queue exists only when crawls are event-driven (a filter, as for the dead-letter queues below).
  queue_age_names = {
    for key, name in { raw-objects = module.orchestration.raw_objects_queue_name } : key => name if var.crawler_schedule == null
  }

  # Filtered on a setting known at plan time, so that the alarms' for_each keys are known too.
  function_names = {
    for key, name in {
      firehose-transformer = module.firehose_transformer.function_name
      crawler-trigger      = module.orchestration.crawler_trigger_function_name
      etl-runner           = module.etl_runner.function_name
      notifier             = module.notifier.function_name
    } : key => name if key != "crawler-trigger" || var.crawler_schedule == null
  }

  dead_letter_queue_names = {
    for key, name in {
      function-failures = module.orchestration.function_failures_queue_name
      raw-objects-dlq   = module.orchestration.raw_objects_dlq_name
    } : key => name if key != "raw-objects-dlq" || var.crawler_schedule == null
  }
}
