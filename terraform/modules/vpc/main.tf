# Network for one Surge environment: public subnets for the load balancer, private subnets for
# EKS nodes, isolated database subnets for RDS, ElastiCache and MSK (no route to the internet).
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.84.0" }
  }
}

variable "name" {
  type        = string
  description = "Environment name, prefix of every resource (e.g. surge-prod)."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.name))
    error_message = "name must be 3-21 lower-case letters, digits or dashes."
  }
}

variable "cidr" {
  type        = string
  description = "VPC CIDR block; split into /20 public, private and database subnets per AZ."
  validation {
    condition     = can(cidrhost(var.cidr, 0)) && tonumber(split("/", var.cidr)[1]) <= 16
    error_message = "cidr must be a valid IPv4 block of /16 or larger."
  }
}

variable "az_count" {
  type        = number
  description = "Availability zones to spread over (MSK needs its broker count to be a multiple of this)."
  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway for all AZs (cheaper, dev) instead of one per AZ (prod)."
}

data "aws_availability_zones" "available" {
  state = "available"
}

locals {
  azs = slice(data.aws_availability_zones.available.names, 0, var.az_count)
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.17.0"

  name             = var.name
  cidr             = var.cidr
  azs              = local.azs
  public_subnets   = [for i, _ in local.azs : cidrsubnet(var.cidr, 4, i)]
  private_subnets  = [for i, _ in local.azs : cidrsubnet(var.cidr, 4, i + 4)]
  database_subnets = [for i, _ in local.azs : cidrsubnet(var.cidr, 4, i + 8)]

  enable_nat_gateway                 = true
  single_nat_gateway                 = var.single_nat_gateway
  create_database_subnet_group       = true
  create_database_subnet_route_table = true
  enable_dns_hostnames               = true

  # Tags the AWS Load Balancer Controller and EKS use to discover subnets.
  public_subnet_tags  = { "kubernetes.io/role/elb" = "1" }
  private_subnet_tags = { "kubernetes.io/role/internal-elb" = "1" }
}

output "vpc_id" {
  description = "VPC id."
  value       = module.vpc.vpc_id
}

output "vpc_cidr" {
  description = "VPC CIDR block."
  value       = module.vpc.vpc_cidr_block
}

output "public_subnet_ids" {
  description = "Public subnets (load balancer)."
  value       = module.vpc.public_subnets
}

output "private_subnet_ids" {
  description = "Private subnets (EKS nodes)."
  value       = module.vpc.private_subnets
}

output "database_subnet_ids" {
  description = "Isolated subnets for RDS, ElastiCache and MSK."
  value       = module.vpc.database_subnets
}

output "database_subnet_group_name" {
  description = "RDS subnet group over the database subnets."
  value       = module.vpc.database_subnet_group_name
}

output "azs" {
  description = "The availability zones, in the order of the subnets (postgres spreads read replicas over them)."
  value       = local.azs
}
