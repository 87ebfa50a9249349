output "database_name" {
  description = "Name of the Glue database."
  value       = aws_glue_catalog_database.this.name
}

output "database_arn" {
  description = "ARN of the Glue database."
  value       = aws_glue_catalog_database.this.arn
}

output "crawler_names" {
  description = "Raw crawler name per dataset."
  value       = { for dataset, crawler in aws_glue_crawler.raw : dataset => crawler.name }
}

output "crawler_arns" {
  description = "Raw crawler ARN per dataset."
  value       = { for dataset, crawler in aws_glue_crawler.raw : dataset => crawler.arn }
}

output "raw_table_names" {
  description = "Raw table name per dataset (created by its crawler)."
  value       = { for dataset in keys(var.raw_roots) : dataset => "${var.raw_table_prefix}${dataset}" }
}

output "parquet_schema_tables" {
  description = "Per dataset, the schema table of Firehose's Parquet conversion (empty when it is off)."
  value       = { for dataset, table in aws_glue_catalog_table.parquet_schema : dataset => table.name }
}

output "crawler_log_group_name" {
  description = "The crawlers' log group, /aws-glue/crawlers (created here only with create_crawler_log_group)."
  value       = "/aws-glue/crawlers"
}
