# Surge's topics and the dead-letter topic of every consumer (modules/catalog reads them from
# topics.yaml), through the Kafka admin API (the AWS API has no topic resource). Needs network reach to the brokers: apply it from a runner in
# the VPC or listed in the kafka module's admin_cidrs (knative/README.md, step 2).
terraform {
  required_providers {
    kafka = { source = "Mongey/kafka", version = ">= 0.7.1" }
  }
}

variable "topics" {
  type = map(object({
    partitions   = number
    retention_ms = number
  }))
  description = "Topic name => partitions and retention (modules/catalog's topics), every <topic>.<consumer>.dlt included."
  validation {
    condition = alltrue([
      for name, t in var.topics :
      can(regex("^surge\\.[a-z0-9.-]+$", name)) && t.partitions >= 1 && floor(t.partitions) == t.partitions && t.retention_ms >= 3600000
    ])
    error_message = "topics must be surge.* names with a whole number of partitions >= 1 and retention >= 1h."
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
    "retention.ms" = tostring(each.value.retention_ms)
    # Every Surge topic is an event log kept for its retention time, never a compacted table.
    "cleanup.policy"      = "delete"
    "min.insync.replicas" = tostring(var.replication_factor - 1)
  }
}

output "topic_names" {
  description = "Topics created."
  value       = sort(keys(kafka_topic.this))
}
