# One ECR repository per function: images are pushed as <registry>/surge/<function>:<tag>.
# Tags are immutable so a deployed tag always means the same bytes (rollback relies on it).
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.84.0" }
  }
}

variable "functions" {
  type        = list(string)
  description = "Function names (knative/functions.yaml)."
  validation {
    condition     = length(var.functions) > 0 && alltrue([for f in var.functions : can(regex("^[a-z][a-z0-9-]{1,30}$", f))])
    error_message = "functions must be non-empty lower-case names."
  }
}

variable "keep_images" {
  type        = number
  description = "Images kept per repository; older ones expire."
  validation {
    condition     = var.keep_images >= 5 && var.keep_images <= 1000
    error_message = "keep_images must be 5..1000 (rollback needs a few)."
  }
}

resource "aws_ecr_repository" "function" {
  for_each             = toset(var.functions)
  name                 = "surge/${each.value}"
  image_tag_mutability = "IMMUTABLE"
  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "function" {
  for_each   = aws_ecr_repository.function
  repository = each.value.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "keep the newest ${var.keep_images} images"
      selection    = { tagStatus = "any", countType = "imageCountMoreThan", countNumber = var.keep_images }
      action       = { type = "expire" }
    }]
  })
}

output "registry" {
  description = "Registry host to push to (<account>.dkr.ecr.<region>.amazonaws.com)."
  value       = split("/", values(aws_ecr_repository.function)[0].repository_url)[0]
}
