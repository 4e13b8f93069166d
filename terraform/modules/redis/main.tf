# ElastiCache for Redis in cluster mode (shards x replicas), TLS in transit, AUTH token.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.84.0" }
  }
}

variable "placement" {
  type = object({
    name                     = string
    vpc_id                   = string
    subnet_ids               = list(string)
    subnet_group_name        = string
    client_security_group_id = string
  })
  description = "Where a data store runs and who reaches it, the same for every store: resource name prefix (surge-<env>), VPC, isolated database subnets and their RDS subnet group, and the security group allowed to connect (the EKS nodes)."
  validation {
    condition = alltrue([
      can(regex("^[a-z][a-z0-9-]{2,20}$", var.placement.name)),
      can(regex("^vpc-[0-9a-f]+$", var.placement.vpc_id)),
      length(var.placement.subnet_ids) >= 2,
      can(regex("^sg-[0-9a-f]+$", var.placement.client_security_group_id)),
    ])
    error_message = "placement needs a 3-21 character lower-case name, a vpc- id, two or more subnets and an sg- id."
  }
}

variable "node_type" {
  type        = string
  description = "Cache node type, e.g. cache.t4g.small."
  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.node_type))
    error_message = "node_type must be an ElastiCache node type such as cache.r7g.large."
  }
}

variable "shards" {
  type        = number
  description = "Node groups (hash-slot shards)."
  validation {
    condition     = var.shards >= 1 && var.shards <= 500
    error_message = "shards must be 1..500."
  }
}

variable "replicas_per_shard" {
  type        = number
  description = "Replicas per shard (at least 1 for automatic failover)."
  validation {
    condition     = var.replicas_per_shard >= 1 && var.replicas_per_shard <= 5
    error_message = "replicas_per_shard must be 1..5."
  }
}

variable "auth_token" {
  type        = string
  description = "AUTH token (from the secrets module)."
  sensitive   = true
  validation {
    condition     = length(var.auth_token) >= 16 && length(var.auth_token) <= 128
    error_message = "auth_token must be 16..128 characters."
  }
}

resource "aws_elasticache_subnet_group" "this" {
  name       = "${var.placement.name}-redis"
  subnet_ids = var.placement.subnet_ids
}

resource "aws_security_group" "redis" {
  name_prefix = "${var.placement.name}-redis-"
  description = "Redis from EKS nodes"
  vpc_id      = var.placement.vpc_id
  ingress {
    from_port       = 6379
    to_port         = 6379
    protocol        = "tcp"
    security_groups = [var.placement.client_security_group_id]
  }
}

resource "aws_elasticache_replication_group" "this" {
  replication_group_id       = "${var.placement.name}-redis"
  description                = "Surge cache (cluster mode)"
  engine                     = "redis"
  engine_version             = "7.1"
  node_type                  = var.node_type
  parameter_group_name       = "default.redis7.cluster.on"
  port                       = 6379
  cluster_mode               = "enabled"
  num_node_groups            = var.shards
  replicas_per_node_group    = var.replicas_per_shard
  automatic_failover_enabled = true
  multi_az_enabled           = true
  transit_encryption_enabled = true
  at_rest_encryption_enabled = true
  auth_token                 = var.auth_token
  subnet_group_name          = aws_elasticache_subnet_group.this.name
  security_group_ids         = [aws_security_group.redis.id]
  apply_immediately          = false
}

output "hosts" {
  description = "QUARKUS_REDIS_HOSTS value: TLS URL of the cluster configuration endpoint."
  value       = "rediss://${aws_elasticache_replication_group.this.configuration_endpoint_address}:6379"
}
