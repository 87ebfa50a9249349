variable "name_prefix" {
  description = "Prefix of every name and id: the data source <name_prefix>-athena, the data set <name_prefix>-vehicle-positions, the dashboard <name_prefix>-fleet."
  type        = string
}

variable "tags" {
  description = "Tags added to every resource (with Component = quicksight unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "principal_arns" {
  description = "QuickSight users or groups (arn:…:quicksight:…:user/… or group/…) who may see the dashboard and use its data set and data source."
  type        = list(string)

  validation {
    condition     = length(var.principal_arns) > 0 && alltrue([for arn in var.principal_arns : can(regex("^arn:[^:]+:quicksight:[^:]*:[0-9]*:(user|group)/.+$", arn))])
    error_message = "principal_arns needs at least one QuickSight user or group ARN."
  }
}

variable "service_role_name" {
  description = "Name of the IAM role QuickSight queries Athena with (created by the account's QuickSight subscription); the module attaches the pipeline's grant to it."
  type        = string
  default     = "aws-quicksight-service-role-v0"
}

variable "workgroup_name" {
  description = "Athena workgroup the data source queries in."
  type        = string
}

variable "workgroup_arn" {
  description = "ARN of that workgroup."
  type        = string
}

variable "database_name" {
  description = "Glue database of the stage table."
  type        = string
}

variable "stage_table" {
  description = "The vehicle_telemetry stage table."
  type        = string
}

variable "latest_positions_query" {
  description = "Athena SQL returning one row per vehicle (vehicle_id, vendor, model, status, speed_kmh, latitude, longitude, last_seen): the analytics module's vehicle-latest-positions query."
  type        = string
}

variable "bucket_arn" {
  description = "ARN of the data-lake bucket."
  type        = string
}

variable "stage_prefix" {
  description = "Key prefix of the vehicle_telemetry stage objects (stage/vehicle_telemetry/)."
  type        = string
}

variable "results_prefix" {
  description = "Key prefix of the workgroup's query results (athena-results/)."
  type        = string
}

variable "kms_key_arn" {
  description = "Customer managed KMS key of the data lake and the query results, or null."
  type        = string
  default     = null
}
