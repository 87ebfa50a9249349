output "bucket_name" {
  description = "Name of the data-lake bucket (raw, stage, errors, scripts, job runs, Athena results)."
  value       = aws_s3_bucket.data_lake.id
}

output "bucket_arn" {
  description = "ARN of the data-lake bucket."
  value       = aws_s3_bucket.data_lake.arn
}

output "kms_key_arn" {
  description = "The KMS key objects are encrypted with, or null for SSE-S3."
  value       = var.kms_key_arn
}
