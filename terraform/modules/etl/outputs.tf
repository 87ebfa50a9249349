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

output "log_group_name" {
  description = "Log group of the jobs' continuous logs."
  value       = aws_cloudwatch_log_group.jobs.name
}

output "script_location" {
  description = "S3 URI of the uploaded job script."
  value       = "s3://${var.bucket_name}/${aws_s3_object.script.key}"
}
