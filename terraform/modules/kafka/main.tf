# Amazon MSK with SASL/SCRAM over TLS. SCRAM rather than IAM auth: the native functions would
# need the aws-msk-iam-auth jar (and its reflection config) for IAM, while SCRAM is built into the
# Kafka client and into Knative's KafkaSource (net.sasl). Topics: see the kafka-topics module.
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

variable "admin_cidrs" {
  type        = list(string)
  description = "Extra CIDRs allowed on 9096, e.g. the runner that applies the kafka-topics module."
  validation {
    condition     = alltrue([for c in var.admin_cidrs : can(cidrhost(c, 0))])
    error_message = "admin_cidrs must be CIDR blocks."
  }
}

variable "kafka_version" {
  type        = string
  description = "Apache Kafka version offered by MSK, e.g. 3.6.0."
  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+(\\.tiered)?$", var.kafka_version))
    error_message = "kafka_version must be an exact MSK version."
  }
}

variable "broker_instance_type" {
  type        = string
  description = "Broker instance type, e.g. kafka.t3.small."
  validation {
    condition     = can(regex("^kafka\\.[a-z0-9]+\\.[a-z0-9]+$", var.broker_instance_type))
    error_message = "broker_instance_type must be an MSK type such as kafka.m7g.large."
  }
}

variable "brokers_per_az" {
  type        = number
  description = "Brokers in each AZ (total = this x number of subnets)."
  validation {
    condition     = var.brokers_per_az >= 1 && var.brokers_per_az <= 10
    error_message = "brokers_per_az must be 1..10."
  }
}

variable "volume_size_gb" {
  type        = number
  description = "EBS storage per broker in GiB."
  validation {
    condition     = var.volume_size_gb >= 10 && var.volume_size_gb <= 16384
    error_message = "volume_size_gb must be 10..16384."
  }
}

variable "scram_secret_arn" {
  type        = string
  description = "AmazonMSK_* Secrets Manager secret holding the SCRAM user (secrets module)."
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:.*:secret:AmazonMSK_", var.scram_secret_arn))
    error_message = "scram_secret_arn must be a Secrets Manager ARN whose name starts with AmazonMSK_."
  }
}

resource "aws_security_group" "kafka" {
  name_prefix = "${var.placement.name}-kafka-"
  description = "Kafka SASL/SCRAM from EKS nodes and admins"
  vpc_id      = var.placement.vpc_id
  ingress {
    from_port       = 9096
    to_port         = 9096
    protocol        = "tcp"
    security_groups = [var.placement.client_security_group_id]
    cidr_blocks     = var.admin_cidrs
  }
}

locals {
  brokers = var.brokers_per_az * length(var.placement.subnet_ids)
  # Three copies where there are three brokers (prod); dev's two brokers get two.
  replication = min(3, local.brokers)
  min_isr     = max(1, local.replication - 1)
}

resource "aws_msk_configuration" "this" {
  name           = "${var.placement.name}-surge"
  kafka_versions = [var.kafka_version]
  # Topics are declared in Terraform; producers must not invent them by typo.
  server_properties = <<-PROPERTIES
    auto.create.topics.enable=false
    default.replication.factor=${local.replication}
    min.insync.replicas=${local.min_isr}
    transaction.state.log.replication.factor=${local.replication}
    transaction.state.log.min.isr=${local.min_isr}
  PROPERTIES
}

resource "aws_msk_cluster" "this" {
  cluster_name           = "${var.placement.name}-surge"
  kafka_version          = var.kafka_version
  number_of_broker_nodes = local.brokers
  lifecycle {
    precondition {
      condition     = length(var.placement.subnet_ids) <= 3
      error_message = "MSK needs 2 or 3 subnets in distinct AZs."
    }
  }

  broker_node_group_info {
    instance_type   = var.broker_instance_type
    client_subnets  = var.placement.subnet_ids
    security_groups = [aws_security_group.kafka.id]
    storage_info {
      ebs_storage_info {
        volume_size = var.volume_size_gb
      }
    }
  }

  configuration_info {
    arn      = aws_msk_configuration.this.arn
    revision = aws_msk_configuration.this.latest_revision
  }

  client_authentication {
    sasl {
      scram = true
    }
  }

  encryption_info {
    encryption_in_transit {
      client_broker = "TLS"
      in_cluster    = true
    }
  }
}

resource "aws_msk_scram_secret_association" "this" {
  cluster_arn     = aws_msk_cluster.this.arn
  secret_arn_list = [var.scram_secret_arn]
}

output "bootstrap_brokers" {
  description = "KAFKA_BOOTSTRAP_SERVERS value (SASL/SCRAM over TLS, port 9096)."
  value       = aws_msk_cluster.this.bootstrap_brokers_sasl_scram
}
