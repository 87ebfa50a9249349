variable "name_prefix" {
  description = "Prefix of every name; each job is <name_prefix>-<dataset>-etl, the role <name_prefix>-etl, the log groups /aws-glue/jobs/<name_prefix>/output and /error."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource (with Component = etl unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "jobs" {
  type = map(object({
    raw_table      = string
    raw_root       = string
    stage_table    = string
    stage_prefix   = string
    partition_keys = list(string)
    id_field       = string
    time_field     = string
  }))
  description = "Per dataset, what its ETL job reads (raw_root: the key prefix of its raw objects) and writes (the job's default arguments)."

  validation {
    condition     = alltrue([for job in values(var.jobs) : endswith(job.raw_root, "/") && endswith(job.stage_prefix, "/")])
    error_message = "Every job's raw_root and stage_prefix must end with '/'."
  }
}

variable "database_name" {
  description = "Glue database of the raw and stage tables."
  type        = string
}

variable "bucket_name" {
  description = "Name of the data-lake bucket."
  type        = string
}

variable "bucket_arn" {
  description = "ARN of the data-lake bucket."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed KMS key of the bucket; when set, also of a Glue security configuration (job bookmarks, stage objects) and of the jobs' log groups. Null for SSE-S3."
  type        = string
  default     = null
}

variable "script_path" {
  description = "Path of the job script in this repository (terraform/glue/pipeline_etl.py); uploaded to scripts/."
  type        = string
}

variable "temp_prefix" {
  description = "Key prefix of Glue's temporary files (--TempDir), e.g. tmp/glue/; the storage module expires them."
  type        = string
  default     = "tmp/glue/"
}

variable "job_run_queuing" {
  description = "Queue a run started while max_concurrent_runs runs are going, instead of failing it with ConcurrentRunsExceededException."
  type        = bool
  default     = true
}

variable "job_runs_prefix" {
  description = "Key prefix of the run summaries the notifier reads."
  type        = string
  default     = "job-runs/"
}

variable "output_compression" {
  description = "Parquet compression of the stage layer. One of snappy, gzip."
  type        = string
  default     = "snappy"

  validation {
    condition     = contains(["snappy", "gzip"], var.output_compression)
    error_message = "output_compression must be snappy or gzip."
  }
}

variable "worker_type" {
  description = "Glue worker type. One of G.1X, G.2X, G.4X, G.8X."
  type        = string
  default     = "G.1X"

  validation {
    condition     = contains(["G.1X", "G.2X", "G.4X", "G.8X"], var.worker_type)
    error_message = "worker_type must be G.1X, G.2X, G.4X or G.8X."
  }
}

variable "number_of_workers" {
  description = "Workers per run (2 to 299)."
  type        = number
  default     = 2

  validation {
    condition     = var.number_of_workers >= 2 && var.number_of_workers <= 299
    error_message = "A Spark job needs 2 to 299 workers."
  }
}

variable "max_concurrent_runs" {
  description = "Runs of one job at the same time (1 to 1000)."
  type        = number
  default     = 1

  validation {
    condition     = var.max_concurrent_runs >= 1 && var.max_concurrent_runs <= 1000
    error_message = "max_concurrent_runs is 1 to 1000."
  }
}

variable "timeout_minutes" {
  description = "Minutes after which a run is stopped with TIMEOUT (1 to 10080)."
  type        = number
  default     = 60

  validation {
    condition     = var.timeout_minutes >= 1 && var.timeout_minutes <= 10080
    error_message = "A Glue job timeout is 1 to 10080 minutes."
  }
}

variable "log_retention_days" {
  description = "Retention of the jobs' output and error log groups, in days. One of the values CloudWatch Logs accepts."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs accepts."
  }
}
