output "workgroup_name" {
  description = "Name of the Athena workgroup."
  value       = aws_athena_workgroup.this.name
}

output "results_location" {
  description = "S3 URI of the workgroup's query results."
  value       = "s3://${var.bucket_name}/${var.results_prefix}"
}

output "named_query_ids" {
  description = "Named query id per query name."

  value = merge(
    { for key, query in aws_athena_named_query.sample : key => query.id },
    { for key, query in aws_athena_named_query.question : key => query.id },
    { for key, query in aws_athena_named_query.explorer : key => query.id },
  )
}

output "workgroup_arn" {
  description = "ARN of the Athena workgroup."
  value       = aws_athena_workgroup.this.arn
}

output "question_queries" {
  description = "SQL of each of the seeds' questions this deployment has, per query name (vehicle-latest-positions feeds the QuickSight dataset)."
  value       = merge({ for key, question in local.question_queries : key => question.query }, local.explorer_queries)
}
