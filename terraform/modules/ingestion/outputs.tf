output "delivery_stream_names" {
  description = "Delivery stream name per dataset (the generator's --stream)."
  value       = { for dataset, stream in aws_kinesis_firehose_delivery_stream.this : dataset => stream.name }
}

output "delivery_stream_arns" {
  description = "Delivery stream ARN per dataset."
  value       = { for dataset, stream in aws_kinesis_firehose_delivery_stream.this : dataset => stream.arn }
}

output "role_arn" {
  description = "ARN of the role Firehose assumes."
  value       = aws_iam_role.firehose.arn
}
