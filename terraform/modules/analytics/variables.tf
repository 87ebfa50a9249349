variable "name_prefix" {
  description = "Prefix of every name; the workgroup is named <name_prefix>."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource (with Component = analytics unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "bucket_name" {
  description = "Name of the data-lake bucket holding the query results."
  type        = string
}

variable "results_prefix" {
  description = "Key prefix of query results in the bucket."
  type        = string
  default     = "athena-results/"
}

variable "kms_key_arn" {
  description = "Customer managed KMS key encrypting query results (SSE_KMS); null for SSE_S3."
  type        = string
  default     = null
}

variable "bytes_scanned_cutoff_per_query" {
  description = "Bytes a query may scan before Athena cancels it (at least 10 MB, 10485760); null for no limit."
  type        = number
  default     = 10737418240

  validation {
    condition     = var.bytes_scanned_cutoff_per_query == null || try(var.bytes_scanned_cutoff_per_query >= 10485760, false)
    error_message = "Athena's bytes-scanned cutoff is at least 10485760 bytes (10 MB)."
  }
}

variable "force_destroy" {
  description = "Let terraform destroy delete the workgroup with its query history."
  type        = bool
  default     = false
}

variable "database_name" {
  description = "Glue database the named queries run in."
  type        = string
}

variable "raw_tables" {
  description = "Raw table name per dataset."
  type        = map(string)
}

variable "stage_tables" {
  description = "Stage table name per dataset."
  type        = map(string)
}

variable "recent_days" {
  description = "Days of stage partitions the latest-positions query reads (1 to 3650): the map shows vehicles seen in them."
  type        = number
  default     = 7

  validation {
    condition     = var.recent_days >= 1 && var.recent_days <= 3650 && floor(var.recent_days) == var.recent_days
    error_message = "recent_days is a whole number of days from 1 to 3650."
  }
}
