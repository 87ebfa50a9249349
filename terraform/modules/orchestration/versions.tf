terraform {
  # Cross-variable validation (the batching window for large batches, the trigger timeout within the visibility
  # timeout) needs Terraform 1.9.
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.25, < 7.0"
    }
  }
}
