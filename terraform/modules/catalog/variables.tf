variable "name_prefix" {
  description = "Prefix of every name; each crawler is <name_prefix>-<dataset>-raw, the role <name_prefix>-crawler."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource (with Component = catalog unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "database_name" {
  description = "Name of the Glue database."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9_]{1,255}$", var.database_name))
    error_message = "Athena accepts lower-case letters, digits and underscores in database names."
  }
}

variable "raw_roots" {
  description = "Per dataset to crawl, the key prefix of its raw objects (raw/<dataset>/): the target of its crawler and all the crawler role may read."
  type        = map(string)

  validation {
    condition     = alltrue([for root in values(var.raw_roots) : endswith(root, "/") && !strcontains(root, "!{")])
    error_message = "Every raw root must be a constant key prefix ending with '/'."
  }
}

variable "raw_table_prefix" {
  description = "Prefix the crawler puts in front of the table it names after the dataset folder (raw_ gives raw_<dataset>)."
  type        = string
  default     = "raw_"
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
  description = "Customer managed KMS key of the bucket, or null for SSE-S3."
  type        = string
  default     = null
}

variable "crawler_schedule" {
  description = "Cron expression running the crawlers on a schedule, e.g. cron(15 * * * ? *); null for event-driven crawling (the crawler trigger starts them)."
  type        = string
  default     = null

  validation {
    condition     = var.crawler_schedule == null || can(regex("^cron\\(.+\\)$", var.crawler_schedule))
    error_message = "crawler_schedule must be null or a Glue cron(...) expression."
  }
}

variable "recrawl_behavior" {
  description = "What a crawl visits. One of CRAWL_EVERYTHING, CRAWL_NEW_FOLDERS_ONLY."
  type        = string
  default     = "CRAWL_NEW_FOLDERS_ONLY"

  validation {
    condition     = contains(["CRAWL_EVERYTHING", "CRAWL_NEW_FOLDERS_ONLY"], var.recrawl_behavior)
    error_message = "recrawl_behavior must be CRAWL_EVERYTHING or CRAWL_NEW_FOLDERS_ONLY."
  }
}

variable "parquet_schema_columns" {
  type = map(list(object({
    name = string
    type = string
  })))
  description = "Per dataset, the columns (name, Hive type) of the schema table Firehose's Parquet conversion writes; empty for none."
  default     = {}
}

variable "create_crawler_log_group" {
  description = "Create /aws-glue/crawlers, the log group every crawler of the account and region writes to, with retention; false in all environments of the account but one (import it if Glue already created it)."
  type        = bool
  default     = true
}

variable "log_retention_days" {
  description = "Retention of /aws-glue/crawlers, in days. One of the values CloudWatch Logs accepts."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs accepts."
  }
}
