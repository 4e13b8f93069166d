# Inputs are grouped per component, so an environment root reads as one table of sizes per
# component. Each field is validated by the component module that receives it; the validations
# here check what no single component can see: how the fields of a group fit together.

variable "env" {
  type        = string
  description = "Environment name (dev, prod); resources are named surge-<env>."
  validation {
    # surge-<env> must fit the component modules' 21-character name limit.
    condition     = can(regex("^[a-z][a-z0-9]{1,14}$", var.env))
    error_message = "env must be 2-15 lower-case letters or digits, starting with a letter."
  }
}

variable "site" {
  type = object({
    zone_name         = string
    domain            = string
    otlp_endpoint     = string
    allowed_cidrs     = list(string)
    kafka_admin_cidrs = list(string)
  })
  description = "Account-specific inputs of the environment root (its variables of the same names)."
  validation {
    # The ingress module writes *.<domain> records into zone_name: Route53 refuses names outside it.
    condition     = var.site.domain == var.site.zone_name || endswith(var.site.domain, ".${var.site.zone_name}")
    error_message = "site.domain must be site.zone_name or a name inside it."
  }
}

variable "network" {
  type = object({
    cidr               = string
    az_count           = number
    single_nat_gateway = bool
  })
  description = "VPC: CIDR block (/16 or larger), AZ count (2 or 3), one shared NAT gateway or one per AZ."
  validation {
    condition     = floor(var.network.az_count) == var.network.az_count
    error_message = "network.az_count must be a whole number."
  }
}

variable "cluster" {
  type = object({
    kubernetes_version          = string
    knative_version             = string
    lb_controller_chart_version = string
    node_instance_types         = list(string)
    node_min_size               = number
    node_max_size               = number
  })
  description = "EKS version and node group, Knative Operator version, AWS Load Balancer Controller chart version."
  validation {
    condition     = var.cluster.node_min_size <= var.cluster.node_max_size && floor(var.cluster.node_min_size) == var.cluster.node_min_size && floor(var.cluster.node_max_size) == var.cluster.node_max_size
    error_message = "cluster.node_min_size and node_max_size must be whole numbers with min <= max."
  }
}

variable "secrets_recovery_window_in_days" {
  type        = number
  description = "Days a deleted secret can be restored: 0 (deleted at once, dev only) or 7..30."
  validation {
    condition     = floor(var.secrets_recovery_window_in_days) == var.secrets_recovery_window_in_days
    error_message = "secrets_recovery_window_in_days must be a whole number of days."
  }
}

variable "redis" {
  type = object({
    node_type          = string
    shards             = number
    replicas_per_shard = number
  })
  description = "ElastiCache cluster mode: node type, shards (node groups), replicas per shard."
  validation {
    # ElastiCache allows at most 500 nodes in one cluster-mode replication group.
    condition     = var.redis.shards * (var.redis.replicas_per_shard + 1) <= 500
    error_message = "redis.shards x (replicas_per_shard + 1) must be at most 500 nodes."
  }
}

variable "kafka" {
  type = object({
    version                  = string
    broker_instance_type     = string
    brokers_per_az           = number
    volume_size_gb           = number
    topic_replication_factor = number
    topics = map(object({
      partitions     = number
      retention_ms   = number
      cleanup_policy = string
    }))
  })
  description = "MSK version and brokers, and every topic (name => settings) with every consumer's <topic>.<consumer>.dlt."
  validation {
    # A dead-letter topic is only ever written for a consumer of a declared topic.
    condition = alltrue([
      for name in keys(var.kafka.topics) :
      !endswith(name, ".dlt") || contains(keys(var.kafka.topics), replace(name, "/\\.[a-z0-9-]+\\.dlt$/", ""))
    ])
    error_message = "every <topic>.<consumer>.dlt in kafka.topics needs <topic> in kafka.topics too."
  }
}

variable "postgres" {
  type = object({
    shards                = number
    replicas_per_shard    = number
    engine_version        = string
    instance_class        = string
    storage_gb            = number
    multi_az              = bool
    backup_retention_days = number
    deletion_protection   = bool
  })
  description = "RDS: physical shards, read replicas per shard, engine version, instance class, storage, Multi-AZ, backups, deletion protection."
  validation {
    # The postgres module checks ranges; RDS also rejects fractions, which a range lets through.
    condition = alltrue([
      for n in [var.postgres.replicas_per_shard, var.postgres.storage_gb, var.postgres.backup_retention_days] : floor(n) == n
    ])
    error_message = "postgres.replicas_per_shard, storage_gb and backup_retention_days must be whole numbers."
  }
}
