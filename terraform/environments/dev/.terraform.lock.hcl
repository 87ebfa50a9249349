# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

# The provider version this environment is tested against (the schema of tests/terraform-checks). The package
# checksums are recorded by the first `terraform init` with registry access, or ahead of it for every platform the
# team uses with: terraform providers lock -platform=linux_amd64 -platform=linux_arm64 -platform=darwin_arm64
# Commit the file it writes.
provider "registry.terraform.io/hashicorp/aws" {
  version     = "6.25.0"
  constraints = ">= 6.25.0, ~> 6.25, < 7.0.0"
}
