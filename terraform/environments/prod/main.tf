# prod: three AZs, Multi-AZ primaries, two read replicas per shard, four physical shards.

locals {
  env  = "prod"
  name = "surge-${local.env}"

  # Every topic Surge uses and the dead-letter topic of every consumer (<topic>.<consumer>.dlt).
  # Keep in sync with knative/functions.yaml (none consumes yet).
  topics = {
    "surge.users.events" = { partitions = 24, retention_ms = 604800000, cleanup_policy = "delete" }
  }
}

module "vpc" {
  source             = "../../modules/vpc"
  name               = local.name
  cidr               = "10.30.0.0/16"
  az_count           = 3
  single_nat_gateway = false
}

module "eks" {
  source              = "../../modules/eks"
  name                = local.name
  kubernetes_version  = "1.31"
  vpc_id              = module.vpc.vpc_id
  subnet_ids          = module.vpc.private_subnet_ids
  node_instance_types = ["m6i.xlarge", "m6a.xlarge"]
  node_min_size       = 3
  node_max_size       = 20
  knative_version     = "v1.16.0"
  domain              = var.domain
}

module "ingress" {
  source                      = "../../modules/ingress"
  name                        = local.name
  cluster_name                = module.eks.cluster_name
  oidc_provider_arn           = module.eks.oidc_provider_arn
  vpc_id                      = module.vpc.vpc_id
  vpc_cidr                    = module.vpc.vpc_cidr
  public_subnet_ids           = module.vpc.public_subnet_ids
  zone_name                   = var.zone_name
  domain                      = var.domain
  allowed_cidrs               = var.allowed_cidrs
  lb_controller_chart_version = "1.11.0"
  depends_on                  = [module.eks]
}

module "secrets" {
  source                  = "../../modules/secrets"
  name                    = local.name
  recovery_window_in_days = 30
}

module "redis" {
  source                   = "../../modules/redis"
  name                     = local.name
  vpc_id                   = module.vpc.vpc_id
  subnet_ids               = module.vpc.database_subnet_ids
  client_security_group_id = module.eks.node_security_group_id
  node_type                = "cache.r7g.large"
  shards                   = 3
  replicas_per_shard       = 2
  auth_token               = module.secrets.redis_auth_token
}

module "kafka" {
  source                   = "../../modules/kafka"
  name                     = local.name
  vpc_id                   = module.vpc.vpc_id
  subnet_ids               = module.vpc.database_subnet_ids
  client_security_group_id = module.eks.node_security_group_id
  admin_cidrs              = var.kafka_admin_cidrs
  kafka_version            = "3.6.0"
  broker_instance_type     = "kafka.m7g.large"
  brokers_per_az           = 1
  volume_size_gb           = 500
  scram_secret_arn         = module.secrets.kafka_scram_secret_arn
}

module "kafka_topics" {
  source             = "../../modules/kafka-topics"
  topics             = local.topics
  replication_factor = 3
  depends_on         = [module.kafka]
}

module "postgres" {
  source                   = "../../modules/postgres"
  name                     = local.name
  vpc_id                   = module.vpc.vpc_id
  db_subnet_group_name     = module.vpc.database_subnet_group_name
  client_security_group_id = module.eks.node_security_group_id
  shards                   = 4
  replicas_per_shard       = 2
  engine_version           = "16.4"
  instance_class           = "db.r7g.large"
  storage_gb               = 200
  multi_az                 = true
  backup_retention_days    = 14
  deletion_protection      = true
  username                 = module.secrets.postgres_username
  password                 = module.secrets.postgres_password
}

module "knative_config" {
  source    = "../../modules/knative-config"
  namespace = "surge"
  config = {
    postgres_url       = module.postgres.primary_url
    postgres_shard_map = module.postgres.shard_map
    redis_hosts        = module.redis.hosts
    kafka_bootstrap    = module.kafka.bootstrap_brokers
    jwt_public_key_pem = module.secrets.jwt_public_key_pem
    otlp_endpoint      = var.otlp_endpoint
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
  source      = "../../modules/registry"
  functions   = ["users"]
  keep_images = 50
}
