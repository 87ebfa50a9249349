variable "topic_name" {
  description = "Name of the SNS topic."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_-]{1,256}$", var.topic_name))
    error_message = "An SNS topic name is 1 to 256 letters, digits, hyphens or underscores."
  }
}

variable "tags" {
  description = "Tags added to every resource (with Component = notifications unless they set Component)."
  type        = map(string)
  default     = {}
}

variable "kms_key_arn" {
  description = "Customer managed KMS key of the topic; null uses the AWS managed key alias/aws/sns."
  type        = string
  default     = null
}

variable "email_addresses" {
  description = "Addresses subscribed by email (each confirms the subscription from the message AWS sends)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for address in var.email_addresses : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", address))])
    error_message = "Every entry of email_addresses must be an email address."
  }
}

variable "publisher_role_arns" {
  description = "Roles allowed to publish by the topic policy (their own policies must allow sns:Publish too)."
  type        = list(string)
  default     = []
}

variable "allow_cloudwatch_alarms" {
  description = "Let CloudWatch alarms of this account publish to the topic."
  type        = bool
  default     = false
}
