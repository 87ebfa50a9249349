variable "name_prefix" {
  description = "Prefix of every resource name (the P of docs/orchestration.md); S3 bucket names are global, so make it unique."
  type        = string
  default     = "pipeline-dev"

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3 to 32 lower-case letters, digits or hyphens, starting and ending with a letter or digit."
  }
}

variable "tags" {
  description = "Tags added to every resource (with Project, Environment and ManagedBy)."
  type        = map(string)
  default     = {}
}

variable "notification_emails" {
  description = "Addresses told of every ETL job run by the notifier."
  type        = list(string)

  validation {
    condition     = alltrue([for address in var.notification_emails : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", address))])
    error_message = "Every entry of notification_emails must be an email address."
  }
}

variable "enable_alarms" {
  description = "Create the CloudWatch alarms and their topic."
  type        = bool
  default     = true
}

variable "alarm_emails" {
  description = "Addresses subscribed to the alarm topic; null uses notification_emails."
  type        = list(string)
  default     = null

  validation {
    condition     = alltrue([for address in(var.alarm_emails == null ? [] : var.alarm_emails) : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", address))])
    error_message = "Every entry of alarm_emails must be an email address."
  }
}

variable "enable_kms" {
  description = "Encrypt the data lake, delivery streams, query results and job notifications with a customer managed KMS key instead of AWS owned or managed keys."
  type        = bool
  default     = false
}

variable "enable_s3_versioning" {
  description = "Keep object versions in the data-lake bucket."
  type        = bool
  default     = false
}

variable "force_destroy" {
  description = "Let terraform destroy delete the bucket and the workgroup while they still hold data (for throw-away environments)."
  type        = bool
  default     = false
}

variable "enable_parquet_conversion" {
  description = "Firehose converts records to Parquet before writing raw/ (needs the 64 MiB buffer the aws environment of datasets.json has)."
  type        = bool
  default     = false
}

variable "enable_dynamic_partitioning" {
  description = "Firehose partitions raw/ by the transformer's partition keys (needs 64 MiB / 60 s buffering; the raw layout changes)."
  type        = bool
  default     = false
}

variable "log_retention_days" {
  description = "Retention of every log group, in days. One of the values CloudWatch Logs accepts."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs accepts."
  }
}

variable "glue_worker_type" {
  description = "Worker type of the ETL jobs. One of G.1X, G.2X, G.4X, G.8X."
  type        = string
  default     = "G.1X"

  validation {
    condition     = contains(["G.1X", "G.2X", "G.4X", "G.8X"], var.glue_worker_type)
    error_message = "glue_worker_type must be G.1X, G.2X, G.4X or G.8X."
  }
}

variable "glue_number_of_workers" {
  description = "Workers per ETL job run (2 to 299)."
  type        = number
  default     = 2

  validation {
    condition     = var.glue_number_of_workers >= 2 && var.glue_number_of_workers <= 299
    error_message = "A Spark job needs 2 to 299 workers."
  }
}

variable "glue_max_concurrent_runs" {
  description = "Concurrent runs of one ETL job (1 to 1000); more runs wait in Glue's queue. Keep 1: a run reads the bookmark and the stage ids, so runs of one dataset must not overlap."
  type        = number
  default     = 1

  validation {
    condition     = var.glue_max_concurrent_runs >= 1 && var.glue_max_concurrent_runs <= 1000
    error_message = "glue_max_concurrent_runs is 1 to 1000."
  }
}

variable "glue_timeout_minutes" {
  description = "Minutes after which an ETL job run stops with TIMEOUT (1 to 10080)."
  type        = number
  default     = 60

  validation {
    condition     = var.glue_timeout_minutes >= 1 && var.glue_timeout_minutes <= 10080
    error_message = "A Glue job timeout is 1 to 10080 minutes."
  }
}

variable "crawler_schedule" {
  description = "Glue cron expression running the raw crawlers on a schedule, e.g. cron(15 * * * ? *); null (the default) crawls when objects arrive (S3 → SQS → crawler trigger)."
  type        = string
  default     = null

  validation {
    condition     = var.crawler_schedule == null || can(regex("^cron\\(.+\\)$", var.crawler_schedule))
    error_message = "crawler_schedule must be null or a Glue cron(...) expression."
  }
}

variable "athena_bytes_scanned_cutoff" {
  description = "Bytes one Athena query may scan before it is cancelled (at least 10485760); null for no limit."
  type        = number
  default     = 10737418240

  validation {
    condition     = var.athena_bytes_scanned_cutoff == null || try(var.athena_bytes_scanned_cutoff >= 10485760, false)
    error_message = "Athena's bytes-scanned cutoff is at least 10485760 bytes (10 MB)."
  }
}

variable "function_architecture" {
  description = "Instruction set the function packages were built for. One of x86_64, arm64 (build/package-functions.sh builds x86_64)."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.function_architecture)
    error_message = "function_architecture must be x86_64 or arm64."
  }
}

variable "function_memory_size" {
  description = "Memory in MB of every function (128 to 10240)."
  type        = number
  default     = 512

  validation {
    condition     = var.function_memory_size >= 128 && var.function_memory_size <= 10240
    error_message = "Lambda memory is 128 to 10240 MB."
  }
}

variable "otel_exporter_endpoint" {
  description = "OTLP endpoint the functions export traces and metrics to (e.g. a collector); null turns export off."
  type        = string
  default     = null
}

variable "package_dir" {
  description = "Folder holding <function>.zip from build/package-functions.sh; null uses terraform/build."
  type        = string
  default     = null
}

variable "create_crawler_log_group" {
  description = "Create /aws-glue/crawlers (with log_retention_days), the log group every crawler of the account and region writes to; false in every other environment of the account and region. If Glue already created it, import it: terraform import 'module.catalog.aws_cloudwatch_log_group.crawlers[0]' /aws-glue/crawlers."
  type        = bool
  default     = true
}

variable "status_alert_threshold" {
  description = "Records of an alerted status (vehicle FAIL, WARN) in one minute above which its alarm notifies the alarm topic (0: any)."
  type        = number
  default     = 0

  validation {
    condition     = var.status_alert_threshold >= 0
    error_message = "status_alert_threshold must be 0 or more."
  }
}

variable "recent_days" {
  description = "Days of stage partitions the latest-positions query and the QuickSight map read (1 to 3650)."
  type        = number
  default     = 7

  validation {
    condition     = var.recent_days >= 1 && var.recent_days <= 3650 && floor(var.recent_days) == var.recent_days
    error_message = "recent_days is a whole number of days from 1 to 3650."
  }
}

variable "enable_quicksight" {
  description = "Create the QuickSight fleet dashboard (vendor distribution, vehicles on a map) over the vehicle_telemetry stage table; the account must have a QuickSight subscription."
  type        = bool
  default     = false
}

variable "quicksight_principal_arns" {
  description = "QuickSight users or groups who may see the dashboard (required with enable_quicksight)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for arn in var.quicksight_principal_arns : can(regex("^arn:[^:]+:quicksight:[^:]*:[0-9]*:(user|group)/.+$", arn))])
    error_message = "Every entry of quicksight_principal_arns must be a QuickSight user or group ARN."
  }

  validation {
    condition     = !var.enable_quicksight || length(var.quicksight_principal_arns) > 0
    error_message = "enable_quicksight needs at least one QuickSight user or group in quicksight_principal_arns."
  }
}

variable "quicksight_service_role_name" {
  description = "IAM role QuickSight queries Athena with, created by the QuickSight subscription; the pipeline's grant is attached to it."
  type        = string
  default     = "aws-quicksight-service-role-v0"
}
