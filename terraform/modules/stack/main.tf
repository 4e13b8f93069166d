# One whole Surge environment: the component modules wired together. environments/dev and
# environments/prod call only this module and differ only in the sizes, counts and versions they
# pass; providers and the state backend stay in those roots, because Terraform configures them
# only in a root module.
terraform {
  required_version = ">= 1.6.0"
}

locals {
  name = "surge-${var.env}"

  # Every function gets an image repository in every environment, so it lives here once.
  # Keep in sync with knative/functions.yaml.
  functions = ["users", "graph", "posts", "feed", "recommendations"]
}

module "vpc" {
  source             = "../vpc"
  name               = local.name
  cidr               = var.network.cidr
  az_count           = var.network.az_count
  single_nat_gateway = var.network.single_nat_gateway
}

module "eks" {
  source              = "../eks"
  name                = local.name
  kubernetes_version  = var.cluster.kubernetes_version
  vpc_id              = module.vpc.vpc_id
  subnet_ids          = module.vpc.private_subnet_ids
  node_instance_types = var.cluster.node_instance_types
  node_min_size       = var.cluster.node_min_size
  node_max_size       = var.cluster.node_max_size
  knative_version     = var.cluster.knative_version
  domain              = var.site.domain
}

module "ingress" {
  source                      = "../ingress"
  name                        = local.name
  cluster_name                = module.eks.cluster_name
  oidc_provider_arn           = module.eks.oidc_provider_arn
  vpc_id                      = module.vpc.vpc_id
  vpc_cidr                    = module.vpc.vpc_cidr
  public_subnet_ids           = module.vpc.public_subnet_ids
  zone_name                   = var.site.zone_name
  domain                      = var.site.domain
  allowed_cidrs               = var.site.allowed_cidrs
  lb_controller_chart_version = var.cluster.lb_controller_chart_version
  depends_on                  = [module.eks]
}

module "secrets" {
  source                  = "../secrets"
  name                    = local.name
  recovery_window_in_days = var.secrets_recovery_window_in_days
}

module "redis" {
  source                   = "../redis"
  name                     = local.name
  vpc_id                   = module.vpc.vpc_id
  subnet_ids               = module.vpc.database_subnet_ids
  client_security_group_id = module.eks.node_security_group_id
  node_type                = var.redis.node_type
  shards                   = var.redis.shards
  replicas_per_shard       = var.redis.replicas_per_shard
  auth_token               = module.secrets.redis_auth_token
}

module "kafka" {
  source                   = "../kafka"
  name                     = local.name
  vpc_id                   = module.vpc.vpc_id
  subnet_ids               = module.vpc.database_subnet_ids
  client_security_group_id = module.eks.node_security_group_id
  admin_cidrs              = var.site.kafka_admin_cidrs
  kafka_version            = var.kafka.version
  broker_instance_type     = var.kafka.broker_instance_type
  brokers_per_az           = var.kafka.brokers_per_az
  volume_size_gb           = var.kafka.volume_size_gb
  scram_secret_arn         = module.secrets.kafka_scram_secret_arn
}

module "kafka_topics" {
  source             = "../kafka-topics"
  topics             = var.kafka.topics
  replication_factor = var.kafka.topic_replication_factor
  depends_on         = [module.kafka]
}

module "postgres" {
  source                   = "../postgres"
  name                     = local.name
  vpc_id                   = module.vpc.vpc_id
  db_subnet_group_name     = module.vpc.database_subnet_group_name
  client_security_group_id = module.eks.node_security_group_id
  shards                   = var.postgres.shards
  replicas_per_shard       = var.postgres.replicas_per_shard
  engine_version           = var.postgres.engine_version
  instance_class           = var.postgres.instance_class
  storage_gb               = var.postgres.storage_gb
  multi_az                 = var.postgres.multi_az
  backup_retention_days    = var.postgres.backup_retention_days
  deletion_protection      = var.postgres.deletion_protection
  username                 = module.secrets.postgres_username
  password                 = module.secrets.postgres_password
}

module "knative_config" {
  source    = "../knative-config"
  namespace = "surge" # the namespace of knative/overlays/*
  config = {
    postgres_instances = module.postgres.instances
    redis_hosts        = module.redis.hosts
    kafka_bootstrap    = module.kafka.bootstrap_brokers
    jwt_public_key_pem = module.secrets.jwt_public_key_pem
    otlp_endpoint      = var.site.otlp_endpoint
  }
  credentials = {
    postgres_username   = module.secrets.postgres_username
    postgres_password   = module.secrets.postgres_password
    redis_auth_token    = module.secrets.redis_auth_token
    kafka_username      = module.secrets.kafka_username
    kafka_password      = module.secrets.kafka_password
    jwt_private_key_pem = module.secrets.jwt_private_key_pem
  }
  depends_on = [module.eks]
}

module "registry" {
  source      = "../registry"
  functions   = local.functions
  keep_images = 50
}
