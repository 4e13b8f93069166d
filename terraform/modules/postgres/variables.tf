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

variable "availability_zones" {
  type        = list(string)
  description = "The VPC's availability zones, in the order of its database subnets; read replicas are spread over them (replica r of shard s in zone (s + 1 + r) mod n)."
  validation {
    condition     = length(var.availability_zones) >= 2 && alltrue([for z in var.availability_zones : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9][a-z]$", z))])
    error_message = "availability_zones needs two or more zone names such as eu-west-1a."
  }
}

variable "shards" {
  type        = number
  description = "Physical shards: one RDS primary each. Changing it needs a data migration."
  validation {
    condition     = var.shards >= 1 && var.shards <= 64 && floor(var.shards) == var.shards
    error_message = "shards must be a whole number 1..64."
  }
}

variable "replicas_per_shard" {
  type        = number
  description = "Read replicas of every primary."
  validation {
    condition     = var.replicas_per_shard >= 0 && var.replicas_per_shard <= 5
    error_message = "replicas_per_shard must be 0..5 (RDS allows up to 15; more is a design smell here)."
  }
}

variable "engine_version" {
  type        = string
  description = "PostgreSQL engine version (major 16, matches the parameter group family)."
  validation {
    condition     = can(regex("^16\\.[0-9]+$", var.engine_version))
    error_message = "engine_version must be 16.x."
  }
}

variable "instance_class" {
  type        = string
  description = "Instance class of primaries and replicas, e.g. db.t4g.medium."
  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.instance_class))
    error_message = "instance_class must be an RDS class such as db.r7g.large."
  }
}

variable "storage_gb" {
  type        = number
  description = "Initial gp3 storage per primary; autoscaling goes up to 4x."
  validation {
    condition     = var.storage_gb >= 20 && var.storage_gb <= 16000
    error_message = "storage_gb must be 20..16000."
  }
}

variable "multi_az" {
  type        = bool
  description = "Synchronous standby for each primary."
}

variable "backup_retention_days" {
  type        = number
  description = "Automated backup retention (needed > 0 for read replicas)."
  validation {
    condition     = var.backup_retention_days >= 1 && var.backup_retention_days <= 35
    error_message = "backup_retention_days must be 1..35."
  }
}

variable "deletion_protection" {
  type        = bool
  description = "Protect primaries from deletion and take a final snapshot."
}

variable "username" {
  type        = string
  description = "Master user (also used by the functions)."
  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{2,15}$", var.username))
    error_message = "username must be 3-16 lower-case letters, digits or underscores."
  }
}

variable "password" {
  type        = string
  description = "Master password (from the secrets module)."
  sensitive   = true
  validation {
    condition     = length(var.password) >= 16
    error_message = "password must have at least 16 characters."
  }
}
