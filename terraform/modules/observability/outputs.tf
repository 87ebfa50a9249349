output "alarm_topic_arn" {
  description = "ARN of the topic every alarm notifies."
  value       = module.topic.topic_arn
}

output "alarm_names" {
  description = "Names of every alarm."

  value = concat(
    [for alarm in aws_cloudwatch_metric_alarm.firehose_freshness : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.firehose_delivery : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.firehose_processing : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.lambda_errors : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.lambda_throttles : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.dead_letters : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.queue_age : alarm.alarm_name],
    [for alarm in aws_cloudwatch_metric_alarm.status : alarm.alarm_name],
    [aws_cloudwatch_metric_alarm.job_failures.alarm_name, aws_cloudwatch_metric_alarm.crawler_failures.alarm_name],
  )
}

output "status_alarm_names" {
  description = "Name of the status alarm per <dataset>-<status> (e.g. vehicle_telemetry-fail)."
  value       = { for key, alarm in aws_cloudwatch_metric_alarm.status : key => alarm.alarm_name }
}
