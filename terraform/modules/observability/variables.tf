variable "name_prefix" {
  description = "Prefix of every name; the alarm topic is <name_prefix>-alarms."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource."
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
