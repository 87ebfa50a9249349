variable "name_prefix" {
  description = "Prefix of every name (queues, the crawler trigger, the EventBridge rules)."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource (with Component = orchestration unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "bucket_name" {
  description = "Name of the data-lake bucket whose raw objects start crawls."
  type        = string
}

variable "bucket_arn" {
  description = "ARN of the data-lake bucket."
  type        = string
}

variable "raw_roots" {
  description = "Per dataset, the key prefix of its raw objects (raw/<dataset>/); only objects created under one of them are queued."
  type        = map(string)

  validation {
    condition     = alltrue([for root in values(var.raw_roots) : endswith(root, "/") && !strcontains(root, "!{")])
    error_message = "Every raw root must be a constant key prefix ending with '/'."
  }
}

variable "event_driven_crawling" {
  description = "Start crawls from S3 notifications through the queue and the crawler trigger; false when the crawlers run on a schedule."
  type        = bool
  default     = true
}

variable "crawler_arns" {
  description = "Raw crawler ARN per dataset (the crawler trigger may start and read exactly these)."
  type        = map(string)
}

variable "queue_visibility_timeout_seconds" {
  description = "Visibility timeout of the raw-objects queue (0 to 43200; at least the crawler trigger's timeout)."
  type        = number
  default     = 360

  validation {
    condition     = var.queue_visibility_timeout_seconds >= 0 && var.queue_visibility_timeout_seconds <= 43200
    error_message = "An SQS visibility timeout is 0 to 43200 seconds."
  }
}

variable "queue_max_receive_count" {
  description = "Receives before a message moves to the dead-letter queue (1 to 1000)."
  type        = number
  default     = 10

  validation {
    condition     = var.queue_max_receive_count >= 1 && var.queue_max_receive_count <= 1000
    error_message = "maxReceiveCount is 1 to 1000."
  }
}

variable "crawler_trigger_batch_size" {
  description = "Messages per crawler trigger invocation (1 to 10000; above 10 a batching window is needed)."
  type        = number
  default     = 100

  validation {
    condition     = var.crawler_trigger_batch_size >= 1 && var.crawler_trigger_batch_size <= 10000
    error_message = "An SQS event source batch size is 1 to 10000."
  }
}

variable "crawler_trigger_batching_window_seconds" {
  description = "Seconds the event source gathers messages before invoking (0 to 300; at least 1 when the batch size is above 10)."
  type        = number
  default     = 30

  validation {
    condition     = var.crawler_trigger_batching_window_seconds >= 0 && var.crawler_trigger_batching_window_seconds <= 300 && (var.crawler_trigger_batching_window_seconds >= 1 || var.crawler_trigger_batch_size <= 10)
    error_message = "The batching window is 0 to 300 seconds, and at least 1 when the batch size is above 10."
  }
}

variable "crawler_trigger_package_path" {
  description = "Path of the crawler trigger's zip."
  type        = string
}

variable "crawler_trigger_timeout" {
  description = "Timeout of the crawler trigger in seconds (1 to 900, at most the queue's visibility timeout)."
  type        = number
  default     = 60

  validation {
    condition     = var.crawler_trigger_timeout >= 1 && var.crawler_trigger_timeout <= 900 && var.crawler_trigger_timeout <= var.queue_visibility_timeout_seconds
    error_message = "The crawler trigger's timeout is 1 to 900 seconds and may not exceed the queue's visibility timeout."
  }
}

variable "function_memory_size" {
  description = "Memory in MB of the crawler trigger (128 to 10240)."
  type        = number
  default     = 512

  validation {
    condition     = var.function_memory_size >= 128 && var.function_memory_size <= 10240
    error_message = "Lambda memory is 128 to 10240 MB."
  }
}

variable "function_architecture" {
  description = "Instruction set of the crawler trigger's bootstrap. One of x86_64, arm64."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.function_architecture)
    error_message = "function_architecture must be x86_64 or arm64."
  }
}

variable "function_environment" {
  description = "Environment variables shared by the functions (PIPELINE_NAME_PREFIX, …)."
  type        = map(string)
  default     = {}
}

variable "otel_exporter_endpoint" {
  description = "OTLP endpoint of the crawler trigger's telemetry; null turns export off."
  type        = string
  default     = null
}

variable "log_retention_days" {
  description = "Retention of the crawler trigger's log group, in days. One of the values CloudWatch Logs accepts."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs accepts."
  }
}

variable "etl_runner_function_arn" {
  description = "ARN of the ETL runner, the target of crawler state changes."
  type        = string
}

variable "etl_runner_function_name" {
  description = "Name of the ETL runner."
  type        = string
}

variable "notifier_function_arn" {
  description = "ARN of the notifier, the target of job state changes."
  type        = string
}

variable "notifier_function_name" {
  description = "Name of the notifier."
  type        = string
}
