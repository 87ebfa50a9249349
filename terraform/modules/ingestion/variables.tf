variable "name_prefix" {
  description = "Prefix of every name; each stream is <name_prefix>-<dataset>."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource (with Component = ingestion unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "datasets" {
  description = "Datasets to ingest, one delivery stream each."
  type        = list(string)

  validation {
    condition     = length(var.datasets) > 0
    error_message = "At least one dataset is needed."
  }
}

variable "raw_prefix_template" {
  description = "S3 prefix of delivered objects; {dataset} is replaced by the dataset name. The part before its first expression (raw/<dataset>/) is all the role may write there."
  type        = string

  validation {
    condition     = can(regex("^[^!]*/", var.raw_prefix_template)) && strcontains(var.raw_prefix_template, "{dataset}")
    error_message = "The raw prefix must hold {dataset} and a constant part ending with '/' before its first expression."
  }
}

variable "error_prefix_template" {
  description = "S3 prefix of failed records, with !{firehose:error-output-type}; {dataset} is replaced by the dataset name. The part before its first expression (errors/<dataset>/) is all the role may write there."
  type        = string

  validation {
    condition     = strcontains(var.error_prefix_template, "!{firehose:error-output-type}") && can(regex("^[^!]*/", var.error_prefix_template)) && strcontains(var.error_prefix_template, "{dataset}")
    error_message = "The error prefix must contain {dataset}, !{firehose:error-output-type} and a constant part ending with '/' before its first expression."
  }
}

variable "dynamic_partition_keys" {
  description = "Per dataset, the partition keys the transformer returns in metadata.partitionKeys (used when dynamic partitioning is on)."
  type        = map(list(string))
  default     = {}
}

variable "bucket_arn" {
  description = "ARN of the data-lake bucket."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for the bucket and the streams; null uses S3 and Firehose owned keys."
  type        = string
  default     = null
}

variable "transformer_function_arn" {
  description = "ARN of the Firehose transformer function."
  type        = string
}

variable "buffer_size_mib" {
  description = "S3 buffering size in MiB (1 to 128; at least 64 with dynamic partitioning or Parquet conversion)."
  type        = number
  default     = 64

  validation {
    condition     = var.buffer_size_mib >= 1 && var.buffer_size_mib <= 128 && (var.buffer_size_mib >= 64 || !(var.enable_dynamic_partitioning || var.enable_parquet_conversion))
    error_message = "buffer_size_mib must be 1 to 128, and at least 64 when dynamic partitioning or Parquet conversion is on."
  }
}

variable "buffer_interval_seconds" {
  description = "S3 buffering interval in seconds (0 to 900; at least 60 with dynamic partitioning)."
  type        = number
  default     = 300

  validation {
    condition     = var.buffer_interval_seconds >= 0 && var.buffer_interval_seconds <= 900 && (var.buffer_interval_seconds >= 60 || !var.enable_dynamic_partitioning)
    error_message = "buffer_interval_seconds must be 0 to 900, and at least 60 when dynamic partitioning is on."
  }
}

variable "processor_buffer_size_mib" {
  description = "Buffer size in MiB of the records sent to the transformer per invocation (1 to 3)."
  type        = number
  default     = 1

  validation {
    condition     = var.processor_buffer_size_mib >= 1 && var.processor_buffer_size_mib <= 3
    error_message = "The Lambda processor buffer size is 1 to 3 MiB."
  }
}

variable "processor_buffer_interval_seconds" {
  description = "Buffer interval in seconds of the records sent to the transformer (60 to 900)."
  type        = number
  default     = 60

  validation {
    condition     = var.processor_buffer_interval_seconds >= 60 && var.processor_buffer_interval_seconds <= 900
    error_message = "The Lambda processor buffer interval is 60 to 900 seconds."
  }
}

variable "compression_format" {
  description = "Compression of delivered objects. One of UNCOMPRESSED, GZIP, ZIP, Snappy, HADOOP_SNAPPY (UNCOMPRESSED is used with Parquet conversion, which compresses itself)."
  type        = string
  default     = "GZIP"

  validation {
    condition     = contains(["UNCOMPRESSED", "GZIP", "ZIP", "Snappy", "HADOOP_SNAPPY"], var.compression_format)
    error_message = "compression_format must be UNCOMPRESSED, GZIP, ZIP, Snappy or HADOOP_SNAPPY."
  }
}

variable "enable_dynamic_partitioning" {
  description = "Partition delivered objects by the keys the transformer returns (the raw layout then holds those keys as folders)."
  type        = bool
  default     = false
}

variable "enable_parquet_conversion" {
  description = "Convert records to Parquet (SNAPPY) with the schema of the Glue tables in parquet_schema_tables."
  type        = bool
  default     = false
}

variable "glue_database_name" {
  description = "Glue database holding the schema tables used by Parquet conversion."
  type        = string
}

variable "parquet_schema_tables" {
  description = "Per dataset, the Glue table whose columns Parquet conversion writes (required when Parquet conversion is on)."
  type        = map(string)
  default     = {}
}

variable "log_retention_days" {
  description = "Retention of the delivery streams' log groups, in days. One of the values CloudWatch Logs accepts."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs accepts."
  }
}
