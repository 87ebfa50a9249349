terraform {
  # The floor the whole configuration shares; this module has no cross-variable validation (what 1.9 brought).
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 6.25, < 7.0"
    }
  }
}
