terraform {
  # Cross-variable validation (QuickSight principals when QuickSight is on) needs Terraform 1.9.
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 6.25"
    }
  }
}

# Region and credentials come from the standard AWS chain (AWS_REGION, AWS_PROFILE, …); nothing is pinned here.
provider "aws" {
  default_tags {
    tags = local.tags
  }
}
