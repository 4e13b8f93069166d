# What Surge consists of, read from the files that declare it for the whole repository: the Kafka
# topics from shared-model's surge/topics.yaml (the functions, dev/platform and the Knative checks
# read the same file) and the functions from knative/functions.yaml. No providers and no
# resources, so `terraform test` checks it offline (tests/).
variable "environment" {
  type        = string
  description = "Which sizes of topics.yaml apply: its per-environment partitions key (dev, prod)."
  validation {
    condition     = can(regex("^[a-z][a-z0-9]{1,14}$", var.environment))
    error_message = "environment must be 2-15 lower-case letters or digits, starting with a letter."
  }
}

locals {
  repository = "${path.module}/../../.."
  declared   = yamldecode(file("${local.repository}/shared-model/src/main/resources/surge/topics.yaml"))

  # Every consumer of a topic has its dead-letter topic <topic>.<consumer>.dlt, sized by
  # dead_letters.
  dead_letters = merge([
    for name, t in local.declared.topics : {
      for consumer in t.consumers : "${name}.${consumer}.dlt" => local.declared.dead_letters
    }
  ]...)

  topics = {
    for name, t in merge(local.declared.topics, local.dead_letters) : name => {
      partitions   = lookup(t.partitions, var.environment, null)
      retention_ms = t.retention_hours * 3600 * 1000
    }
  }
}

output "topics" {
  description = "Topic name => {partitions, retention_ms} for this environment, dead-letter topics included."
  value       = local.topics
  precondition {
    condition     = alltrue([for t in values(local.topics) : t.partitions != null])
    error_message = "topics.yaml has no partitions for environment ${var.environment}: give every topic and dead_letters a ${var.environment} entry."
  }
}

output "functions" {
  description = "Every function's name; each gets an image repository."
  value       = yamldecode(file("${local.repository}/knative/functions.yaml")).functions
}
