output "job_names" {
  description = "ETL job name per dataset."
  value       = { for dataset, job in aws_glue_job.this : dataset => job.name }
}

output "job_arns" {
  description = "ETL job ARN per dataset."
  value       = { for dataset, job in aws_glue_job.this : dataset => job.arn }
}

output "role_arn" {
  description = "ARN of the jobs' role."
  value       = aws_iam_role.job.arn
}

output "log_group_names" {
  description = "The jobs' log groups: output (stdout and stderr of a run, the script's JSON lines) and error (driver, executor and Spark logs)."
  value       = { for stream, group in aws_cloudwatch_log_group.jobs : stream => group.name }
}

output "security_configuration_name" {
  description = "Glue security configuration of the jobs, or null without a KMS key."
  value       = one(aws_glue_security_configuration.this[*].name)
}

output "script_location" {
  description = "S3 URI of the uploaded job script."
  value       = "s3://${var.bucket_name}/${aws_s3_object.script.key}"
}
