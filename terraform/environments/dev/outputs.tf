output "region" {
  description = "Region the pipeline was deployed to."
  value       = data.aws_region.current.region
}

output "name_prefix" {
  description = "Prefix of every name (PIPELINE_NAME_PREFIX of the functions)."
  value       = var.name_prefix
}

output "data_lake_bucket" {
  description = "Name of the data-lake bucket."
  value       = module.storage.bucket_name
}

output "delivery_streams" {
  description = "Delivery stream name per dataset: the generator's --stream."
  value       = module.ingestion.delivery_stream_names
}

output "glue_database" {
  description = "Glue database of the raw and stage tables."
  value       = module.catalog.database_name
}

output "raw_tables" {
  description = "Raw table name per dataset."
  value       = module.catalog.raw_table_names
}

output "stage_tables" {
  description = "Stage table name per dataset."
  value       = local.stage_tables
}

output "crawlers" {
  description = "Raw crawler name per dataset."
  value       = module.catalog.crawler_names
}

output "etl_jobs" {
  description = "ETL job name per dataset."
  value       = module.etl.job_names
}

output "functions" {
  description = "Function name per function."

  value = {
    firehose-transformer = module.firehose_transformer.function_name
    crawler-trigger      = module.orchestration.crawler_trigger_function_name
    etl-runner           = module.etl_runner.function_name
    notifier             = module.notifier.function_name
  }
}

output "raw_objects_queue_url" {
  description = "URL of the raw-objects queue (null when crawling runs on a schedule)."
  value       = module.orchestration.raw_objects_queue_url
}

output "athena_workgroup" {
  description = "Athena workgroup."
  value       = module.analytics.workgroup_name
}

output "athena_results_location" {
  description = "S3 URI of the workgroup's query results."
  value       = module.analytics.results_location
}

output "job_notifications_topic_arn" {
  description = "ARN of the topic the notifier publishes to."
  value       = module.notifications.topic_arn
}

output "alarm_topic_arn" {
  description = "ARN of the alarm topic (null when alarms are off)."
  value       = one(module.observability[*].alarm_topic_arn)
}

output "glue_job_log_groups" {
  description = "Log groups of the ETL job runs: output (stdout, stderr) and error (driver, executor, Spark)."
  value       = module.etl.log_group_names
}

output "quicksight_dashboard_id" {
  description = "Id of the QuickSight fleet dashboard (null when QuickSight is off)."
  value       = one(module.quicksight[*].dashboard_id)
}

output "status_alarms" {
  description = "Name of the vehicle status alarm per <dataset>-<status> (null when alarms are off)."
  value       = one(module.observability[*].status_alarm_names)
}
