variable "name_prefix" {
  description = "Prefix of every name; the bucket is <name_prefix>-data-lake."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9-]{1,40}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 3 to 42 lower-case letters, digits or hyphens (it becomes part of S3 bucket names)."
  }
}

variable "tags" {
  description = "Tags added to every resource (with Component = storage unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for SSE-KMS; null uses SSE-S3 (AES256)."
  type        = string
  default     = null
}

variable "enable_versioning" {
  description = "Keep object versions in the data-lake bucket."
  type        = bool
  default     = false
}

variable "force_destroy" {
  description = "Let terraform destroy delete a bucket that still holds objects."
  type        = bool
  default     = false
}

variable "raw_prefix" {
  description = "Key prefix of the raw layer, e.g. raw/."
  type        = string
  default     = "raw/"

  validation {
    condition     = length(var.raw_prefix) > 1 && endswith(var.raw_prefix, "/")
    error_message = "raw_prefix must be a key prefix ending with '/' (an empty one would make its lifecycle rule cover the whole bucket)."
  }
}

variable "error_prefix" {
  description = "Key prefix of the records Firehose could not process, e.g. errors/."
  type        = string
  default     = "errors/"

  validation {
    condition     = length(var.error_prefix) > 1 && endswith(var.error_prefix, "/")
    error_message = "error_prefix must be a key prefix ending with '/' (an empty one would make its lifecycle rule cover the whole bucket)."
  }
}

variable "temp_prefix" {
  description = "Key prefix of temporary files (Glue's --TempDir is under it), e.g. tmp/."
  type        = string
  default     = "tmp/"

  validation {
    condition     = length(var.temp_prefix) > 1 && endswith(var.temp_prefix, "/")
    error_message = "temp_prefix must be a key prefix ending with '/' (an empty one would make its lifecycle rule cover the whole bucket)."
  }
}

variable "job_runs_prefix" {
  description = "Key prefix of the ETL jobs' run summaries, e.g. job-runs/."
  type        = string
  default     = "job-runs/"

  validation {
    condition     = length(var.job_runs_prefix) > 1 && endswith(var.job_runs_prefix, "/")
    error_message = "job_runs_prefix must be a key prefix ending with '/' (an empty one would make its lifecycle rule cover the whole bucket)."
  }
}

variable "athena_results_prefix" {
  description = "Key prefix of Athena query results, e.g. athena-results/."
  type        = string
  default     = "athena-results/"

  validation {
    condition     = length(var.athena_results_prefix) > 1 && endswith(var.athena_results_prefix, "/")
    error_message = "athena_results_prefix must be a key prefix ending with '/' (an empty one would make its lifecycle rule cover the whole bucket)."
  }
}

variable "raw_transition_days" {
  description = "Days after which raw objects move to STANDARD_IA (S3 requires at least 30)."
  type        = number
  default     = 30

  validation {
    condition     = var.raw_transition_days >= 30
    error_message = "S3 allows a transition to STANDARD_IA only after 30 days or more."
  }
}

variable "raw_expiration_days" {
  description = "Days after which raw objects expire; must be later than raw_transition_days."
  type        = number
  default     = 365

  validation {
    condition     = var.raw_expiration_days >= 1 && var.raw_expiration_days > var.raw_transition_days
    error_message = "raw_expiration_days must be at least 1 and greater than raw_transition_days."
  }
}

variable "error_expiration_days" {
  description = "Days after which objects under the error prefix expire."
  type        = number
  default     = 90

  validation {
    condition     = var.error_expiration_days >= 1
    error_message = "error_expiration_days must be at least 1."
  }
}

variable "temp_expiration_days" {
  description = "Days after which temporary files expire (a Glue run needs them only while it runs)."
  type        = number
  default     = 7

  validation {
    condition     = var.temp_expiration_days >= 1
    error_message = "temp_expiration_days must be at least 1."
  }
}

variable "job_runs_expiration_days" {
  description = "Days after which run summaries expire (the notifier reads a summary right after its run)."
  type        = number
  default     = 90

  validation {
    condition     = var.job_runs_expiration_days >= 1
    error_message = "job_runs_expiration_days must be at least 1."
  }
}

variable "athena_results_expiration_days" {
  description = "Days after which Athena query results expire."
  type        = number
  default     = 30

  validation {
    condition     = var.athena_results_expiration_days >= 1
    error_message = "athena_results_expiration_days must be at least 1."
  }
}

variable "abort_incomplete_multipart_upload_days" {
  description = "Days after which incomplete multipart uploads are aborted."
  type        = number
  default     = 7

  validation {
    condition     = var.abort_incomplete_multipart_upload_days >= 1
    error_message = "abort_incomplete_multipart_upload_days must be at least 1."
  }
}
