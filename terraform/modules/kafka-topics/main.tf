# Surge's topics and the dead-letter topic of every consumer, through the Kafka admin API (the
# AWS API has no topic resource). Needs network reach to the brokers: apply it from a runner in
# the VPC or listed in the kafka module's admin_cidrs (knative/README.md, step 2).
terraform {
  required_version = ">= 1.6.0"
  required_providers {
    kafka = { source = "Mongey/kafka", version = "0.7.1" }
  }
}

variable "topics" {
  type = map(object({
    partitions     = number
    retention_ms   = number
    cleanup_policy = string
  }))
  description = "Topic name => settings. Include every <topic>.<consumer>.dlt dead-letter topic."
  validation {
    condition = alltrue([
      for name, t in var.topics :
      can(regex("^surge\\.[a-z0-9.-]+$", name)) && t.partitions >= 1 && t.retention_ms >= 3600000 && contains(["delete", "compact"], t.cleanup_policy)
    ])
    error_message = "topics must be surge.* names with partitions >= 1, retention >= 1h and cleanup delete or compact."
  }
}

variable "replication_factor" {
  type        = number
  description = "Replicas of every partition."
  validation {
    condition     = var.replication_factor >= 2 && var.replication_factor <= 3
    error_message = "replication_factor must be 2 or 3."
  }
}

resource "kafka_topic" "this" {
  for_each           = var.topics
  name               = each.key
  partitions         = each.value.partitions
  replication_factor = var.replication_factor
  config = {
    "retention.ms"        = tostring(each.value.retention_ms)
    "cleanup.policy"      = each.value.cleanup_policy
    "min.insync.replicas" = tostring(var.replication_factor - 1)
  }
}

output "topic_names" {
  description = "Topics created."
  value       = sort(keys(kafka_topic.this))
}
