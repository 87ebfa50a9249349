variable "name" {
  description = "Function name, <name_prefix>-<function>; its role is <name>-role."
  type        = string

  # Lambda allows 64 characters, but the role <name>-role must fit IAM's 64 too.
  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,59}$", var.name))
    error_message = "The function name must be 1 to 59 letters, digits, hyphens or underscores, so that its role <name>-role fits IAM's 64 characters."
  }
}

variable "description" {
  description = "What the function does."
  type        = string
  default     = ""
}

variable "package_path" {
  description = "Path of the zip holding the bootstrap executable (built by build/package-functions.sh)."
  type        = string
}

variable "architecture" {
  description = "Instruction set the bootstrap was built for. One of x86_64, arm64."
  type        = string
  default     = "x86_64"

  validation {
    condition     = contains(["x86_64", "arm64"], var.architecture)
    error_message = "architecture must be x86_64 or arm64."
  }
}

variable "memory_size" {
  description = "Memory in MB (128 to 10240)."
  type        = number
  default     = 512

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "Lambda memory is 128 to 10240 MB."
  }
}

variable "timeout" {
  description = "Timeout in seconds (1 to 900)."
  type        = number
  default     = 60

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900
    error_message = "A Lambda timeout is 1 to 900 seconds."
  }
}

variable "environment_variables" {
  description = "Environment variables of the function (no secrets: they are visible in the console)."
  type        = map(string)
  default     = {}
}

variable "policy_statements" {
  type = list(object({
    sid       = string
    actions   = list(string)
    resources = list(string)
  }))
  description = "Allow statements of the function's role: exactly the actions its code calls, on named resources."
  default     = []

  validation {
    condition     = alltrue([for s in var.policy_statements : !contains(s.actions, "*")])
    error_message = "A function's policy never allows the \"*\" action."
  }
}

variable "data_kms_key_arns" {
  description = "KMS keys protecting data the function reads or writes (kms:Decrypt and kms:GenerateDataKey are granted on them)."
  type        = list(string)
  default     = []
}

variable "log_retention_days" {
  description = "Retention of the function's log group, in days. One of the values CloudWatch Logs accepts."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the retention periods CloudWatch Logs accepts."
  }
}

variable "reserved_concurrent_executions" {
  description = "Reserved concurrency; -1 leaves the function unreserved, 0 stops it."
  type        = number
  default     = -1

  validation {
    condition     = var.reserved_concurrent_executions >= -1
    error_message = "reserved_concurrent_executions is -1 (unreserved) or a count of 0 or more."
  }
}

variable "dead_letter_target_arn" {
  description = "SQS queue or SNS topic receiving asynchronous invocations that failed every retry; null for none."
  type        = string
  default     = null

  validation {
    condition     = var.dead_letter_target_arn == null || can(regex("^arn:[^:]+:(sqs|sns):", var.dead_letter_target_arn))
    error_message = "dead_letter_target_arn must be the ARN of an SQS queue or an SNS topic."
  }
}

variable "otel_exporter_endpoint" {
  description = "OTLP endpoint traces and metrics are exported to (OTEL_EXPORTER_OTLP_ENDPOINT); null turns export off."
  type        = string
  default     = null
}

variable "otel_exporter_protocol" {
  description = "OTLP transport. One of grpc, http/protobuf."
  type        = string
  default     = "http/protobuf"

  validation {
    condition     = contains(["grpc", "http/protobuf"], var.otel_exporter_protocol)
    error_message = "otel_exporter_protocol must be grpc or http/protobuf."
  }
}

variable "tags" {
  description = "Tags added to every resource (with Component = lambda-function unless they set Component)."
  type        = map(string)
  default     = {}
}
