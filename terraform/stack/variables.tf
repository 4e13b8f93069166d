# What differs between environments, and nothing else. environments/<env>.tfvars set env and one
# group per component (sizes, counts, versions); the account-specific inputs (region, DNS,
# collector, CIDRs) come from the operator's own tfvars file, kept outside git. Each field is
# validated by the component module that receives it; the validations here check what no single
# component can see: how the fields of a group fit together.

variable "env" {
  type        = string
  description = "Environment name (dev, prod): resources are named surge-<env>, and it picks the topic sizes in topics.yaml."
  validation {
    # surge-<env> must fit the component modules' 21-character name limit.
    condition     = can(regex("^[a-z][a-z0-9]{1,14}$", var.env))
    error_message = "env must be 2-15 lower-case letters or digits, starting with a letter."
  }
}

variable "region" {
  type        = string
  description = "AWS region of the environment."
  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region such as eu-west-1."
  }
}

variable "zone_name" {
  type        = string
  description = "Existing public Route53 hosted zone, e.g. example.org."
  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.zone_name))
    error_message = "zone_name must be a DNS name."
  }
}

variable "domain" {
  type        = string
  description = "Domain of this environment inside zone_name; functions answer at <fn>.surge.<domain>."
  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a DNS name."
  }
}

variable "otlp_endpoint" {
  type        = string
  description = "OTLP gRPC endpoint of the trace collector, e.g. http://otel-collector.observability:4317."
  validation {
    condition     = can(regex("^https?://[^ ]+:[0-9]+$", var.otlp_endpoint))
    error_message = "otlp_endpoint must be an http(s) URL with a port."
  }
}

variable "allowed_cidrs" {
  type        = list(string)
  description = "Client CIDRs allowed through the public load balancer."
  validation {
    condition     = length(var.allowed_cidrs) > 0 && alltrue([for c in var.allowed_cidrs : can(cidrhost(c, 0))])
    error_message = "allowed_cidrs must be a non-empty list of CIDR blocks."
  }
}

variable "kafka_admin_cidrs" {
  type        = list(string)
  description = "CIDRs of the runner applying this configuration (it creates topics over 9096)."
  validation {
    condition     = alltrue([for c in var.kafka_admin_cidrs : can(cidrhost(c, 0))])
    error_message = "kafka_admin_cidrs must be CIDR blocks."
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
    envoy_gateway_version       = string
    node_instance_types         = list(string)
    node_min_size               = number
    node_max_size               = number
  })
  description = "EKS version and node group, Knative Operator version, AWS Load Balancer Controller chart version, Envoy Gateway chart version (the public entry's Gateway API implementation)."
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
  })
  description = "MSK version and brokers, and the replication factor of every topic (the topics themselves: topics.yaml, through modules/catalog)."
  validation {
    # The kafka and kafka-topics modules check ranges; MSK also rejects fractions.
    condition = alltrue([
      for n in [var.kafka.brokers_per_az, var.kafka.volume_size_gb, var.kafka.topic_replication_factor] : floor(n) == n
    ])
    error_message = "kafka.brokers_per_az, volume_size_gb and topic_replication_factor must be whole numbers."
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

variable "monitoring" {
  type = object({
    log_retention_days = number
    repeat_interval    = string
  })
  description = "Amazon Managed Prometheus: days its rule/Alertmanager logs are kept, and how often a still-firing alert is sent again (e.g. 4h)."
  validation {
    # The monitoring module checks the allowed retention values and the duration's format.
    condition     = floor(var.monitoring.log_retention_days) == var.monitoring.log_retention_days
    error_message = "monitoring.log_retention_days must be a whole number of days."
  }
}
