# terraform test (offline: the aws provider is mocked). One immutable, scanned repository per
# function of knative/functions.yaml, with a lifecycle that keeps enough images to roll back.
# (ECR encrypts every repository at rest, AES-256 by default: nothing to assert.)

mock_provider "aws" {
  mock_resource "aws_ecr_repository" {
    defaults = { repository_url = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/surge/fn" }
  }
}

variables {
  functions   = yamldecode(file("../../../knative/functions.yaml")).functions
  keep_images = 30
}

run "one_immutable_scanned_repository_per_function" {
  command = apply
  assert {
    condition     = toset(keys(aws_ecr_repository.function)) == toset(yamldecode(file("../../../knative/functions.yaml")).functions)
    error_message = "a repository for every function of knative/functions.yaml, and no other."
  }
  assert {
    condition     = alltrue([for r in aws_ecr_repository.function : r.image_tag_mutability == "IMMUTABLE" && r.image_scanning_configuration[0].scan_on_push])
    error_message = "tags are immutable (a deployed tag is always the same bytes) and images are scanned on push."
  }
  assert {
    condition     = alltrue([for p in aws_ecr_lifecycle_policy.function : jsondecode(p.policy).rules[0].selection.countNumber == 30])
    error_message = "each repository keeps the newest keep_images images."
  }
  assert {
    condition     = output.registry == "123456789012.dkr.ecr.eu-west-1.amazonaws.com"
    error_message = "registry is the host part of the repositories' URL."
  }
}

run "too_few_images_kept_is_refused" {
  command = plan
  variables {
    keep_images = 2
  }
  expect_failures = [var.keep_images]
}
