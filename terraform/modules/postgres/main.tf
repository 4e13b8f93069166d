# Sharded PostgreSQL: `shards` RDS primaries (one per physical shard), each with
# `replicas_per_shard` read replicas. This module publishes the physical layout: `instances`
# (shard index -> primary and replica URLs, for knative-config, which names them shard<i> and
# splits the 1,024 logical shards over them) and `shard_map` (the same as JSON, for humans).
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.84.0" }
  }
}

resource "aws_security_group" "postgres" {
  name_prefix = "${var.placement.name}-pg-"
  description = "PostgreSQL from EKS nodes"
  vpc_id      = var.placement.vpc_id
  ingress {
    from_port       = 5432
    to_port         = 5432
    protocol        = "tcp"
    security_groups = [var.placement.client_security_group_id]
  }
}

resource "aws_db_parameter_group" "this" {
  name_prefix = "${var.placement.name}-pg16-"
  family      = "postgres16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_instance" "primary" {
  count                        = var.shards
  identifier                   = "${var.placement.name}-shard-${count.index}"
  engine                       = "postgres"
  engine_version               = var.engine_version
  instance_class               = var.instance_class
  allocated_storage            = var.storage_gb
  max_allocated_storage        = var.storage_gb * 4
  storage_type                 = "gp3"
  storage_encrypted            = true
  db_name                      = "surge"
  username                     = var.username
  password                     = var.password
  db_subnet_group_name         = var.placement.subnet_group_name
  vpc_security_group_ids       = [aws_security_group.postgres.id]
  parameter_group_name         = aws_db_parameter_group.this.name
  multi_az                     = var.multi_az
  publicly_accessible          = false
  backup_retention_period      = var.backup_retention_days
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = !var.deletion_protection
  final_snapshot_identifier    = var.deletion_protection ? "${var.placement.name}-shard-${count.index}-final" : null
  performance_insights_enabled = true
  apply_immediately            = false
}

locals {
  # replica i of shard s is instance s * replicas_per_shard + i
  replicas = flatten([
    for s in range(var.shards) : [
      for r in range(var.replicas_per_shard) : { shard = s, replica = r }
    ]
  ])
}

resource "aws_db_instance" "replica" {
  count               = length(local.replicas)
  identifier          = "${var.placement.name}-shard-${local.replicas[count.index].shard}-replica-${local.replicas[count.index].replica}"
  replicate_source_db = aws_db_instance.primary[local.replicas[count.index].shard].identifier
  instance_class      = var.instance_class
  # Replica r of shard s in zone (s + 1 + r) mod n: a shard's replicas sit in distinct zones
  # (up to n of them), starting next to zone s. A Multi-AZ primary's zone is AWS's choice (RDS
  # refuses a zone for Multi-AZ), so with two or more replicas one is always in another zone
  # than the primary, whichever it is; the standby covers the primary's zone.
  availability_zone      = var.availability_zones[(local.replicas[count.index].shard + 1 + local.replicas[count.index].replica) % length(var.availability_zones)]
  publicly_accessible    = false
  storage_encrypted      = true
  vpc_security_group_ids = [aws_security_group.postgres.id]
  parameter_group_name   = aws_db_parameter_group.this.name
  skip_final_snapshot    = true
  apply_immediately      = false
}

output "shard_map" {
  description = "For humans: JSON list, index = physical shard: {shard, writer, readers[]} as host:port. Functions get the same topology as surge.data.* (see knative-config)."
  value = jsonencode([
    for s in range(var.shards) : {
      shard  = s
      writer = aws_db_instance.primary[s].endpoint
      readers = [
        for i, r in local.replicas : aws_db_instance.replica[i].endpoint if r.shard == s
      ]
    }
  ])
}

output "instances" {
  description = "List, index = physical shard: {primary, replicas[]} as postgresql://host:port/surge?sslmode=require URLs (shared-data's instance URLs)."
  value = [
    for s in range(var.shards) : {
      primary = "postgresql://${aws_db_instance.primary[s].endpoint}/surge?sslmode=require"
      replicas = [
        for i, r in local.replicas : "postgresql://${aws_db_instance.replica[i].endpoint}/surge?sslmode=require" if r.shard == s
      ]
    }
  ]
}
