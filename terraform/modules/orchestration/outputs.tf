output "raw_objects_queue_url" {
  description = "URL of the raw-objects queue, or null when crawling runs on a schedule."
  value       = one(aws_sqs_queue.raw_objects[*].id)
}

output "raw_objects_queue_name" {
  description = "Name of the raw-objects queue, or null when crawling runs on a schedule."
  value       = one(aws_sqs_queue.raw_objects[*].name)
}

output "raw_objects_dlq_name" {
  description = "Name of the raw-objects dead-letter queue, or null when crawling runs on a schedule."
  value       = one(aws_sqs_queue.raw_objects_dlq[*].name)
}

output "function_failures_queue_arn" {
  description = "ARN of the queue receiving failed asynchronous invocations (dead-letter target of the ETL runner and the notifier)."
  value       = aws_sqs_queue.function_failures.arn
}

output "function_failures_queue_name" {
  description = "Name of the queue receiving failed asynchronous invocations."
  value       = aws_sqs_queue.function_failures.name
}

output "crawler_trigger_function_name" {
  description = "Name of the crawler trigger, or null when crawling runs on a schedule."
  value       = one(module.crawler_trigger[*].function_name)
}

output "crawler_state_rule_name" {
  description = "Name of the EventBridge rule routing crawler state changes to the ETL runner."
  value       = aws_cloudwatch_event_rule.crawler_state.name
}

output "job_state_rule_name" {
  description = "Name of the EventBridge rule routing job state changes to the notifier."
  value       = aws_cloudwatch_event_rule.job_state.name
}
