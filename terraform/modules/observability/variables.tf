variable "name_prefix" {
  description = "Prefix of every name; the alarm topic is <name_prefix>-alarms."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource (with Component = observability unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "alarm_emails" {
  description = "Addresses subscribed by email to the alarm topic."
  type        = list(string)
  default     = []
}

variable "delivery_stream_names" {
  description = "Delivery stream name per dataset (data freshness and delivery failure alarms)."
  type        = map(string)
}

variable "function_names" {
  description = "Function name per function key (error and throttle alarms)."
  type        = map(string)
}

variable "dead_letter_queue_names" {
  description = "Dead-letter queue name per key (alarm on any message in them)."
  type        = map(string)
}

variable "queue_age_names" {
  description = "Queue name per key whose oldest message's age is alarmed on (the raw-objects queue)."
  type        = map(string)
  default     = {}
}

variable "queue_age_threshold_seconds" {
  description = "Age in seconds of a queue's oldest message that raises its alarm (60 to 1209600; above the visibility timeout and the batching window)."
  type        = number
  default     = 900

  validation {
    condition     = var.queue_age_threshold_seconds >= 60 && var.queue_age_threshold_seconds <= 1209600
    error_message = "queue_age_threshold_seconds must be 60 to 1209600 (SQS keeps a message at most 14 days)."
  }
}

variable "crawler_name_prefix" {
  description = "Prefix of the crawler names whose failed crawls raise the crawler alarm."
  type        = string
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the pipeline's own metrics (the transformer's StatusAlerts), the metrics_namespace of datasets.json."
  type        = string
  default     = "Pipeline"

  validation {
    condition     = can(regex("^[A-Za-z0-9.\\-_/#:]{1,255}$", var.metrics_namespace)) && !startswith(var.metrics_namespace, "AWS/")
    error_message = "A custom CloudWatch namespace is 1 to 255 letters, digits or . - _ / # : and does not start with AWS/."
  }
}

variable "status_alerts" {
  type = map(object({
    statuses = list(string)
    group_by = string
  }))
  description = "Per dataset, the statuses whose records raise an alarm within a minute, and the field the metric is also broken down by (the status_alerts of datasets.json)."
  default     = {}
}

variable "status_alert_threshold" {
  description = "Records with an alerted status in one minute above which the alarm is raised (0: any)."
  type        = number
  default     = 0

  validation {
    condition     = var.status_alert_threshold >= 0
    error_message = "status_alert_threshold must be 0 or more."
  }
}

variable "job_name_prefix" {
  description = "Prefix of the Glue job names whose failed, timed-out or stopped runs raise the job alarm."
  type        = string
}

variable "data_freshness_threshold_seconds" {
  description = "Age in seconds of the oldest undelivered record that raises the freshness alarm (60 to 86400; above the buffering interval)."
  type        = number
  default     = 900

  validation {
    condition     = var.data_freshness_threshold_seconds >= 60 && var.data_freshness_threshold_seconds <= 86400
    error_message = "data_freshness_threshold_seconds must be 60 to 86400 (Firehose keeps undelivered data up to 24 hours)."
  }
}

variable "period_seconds" {
  description = "Period of every alarm in seconds (60 or a multiple of 60, up to 86400)."
  type        = number
  default     = 300

  validation {
    condition     = var.period_seconds >= 60 && var.period_seconds <= 86400 && var.period_seconds % 60 == 0
    error_message = "A standard CloudWatch alarm period is a multiple of 60 seconds, up to 86400."
  }
}
