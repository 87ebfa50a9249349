output "dashboard_id" {
  description = "Id of the fleet dashboard."
  value       = aws_quicksight_dashboard.this.dashboard_id
}

output "data_set_arn" {
  description = "ARN of the vehicle positions data set."
  value       = aws_quicksight_data_set.this.arn
}

output "data_source_arn" {
  description = "ARN of the Athena data source."
  value       = aws_quicksight_data_source.this.arn
}
