# One whole Surge environment: the component modules wired together. Every environment is this
# root module with its own values (environments/<env>.tfvars) and state (environments/
# <env>.s3.tfbackend): a change to what an environment consists of goes here or into a component,
# a change of size into the environment's tfvars.

locals {
  name = "surge-${var.env}"

  # Redis, Kafka and PostgreSQL live alike: the isolated database subnets, reached from the nodes.
  data_placement = {
    name                     = local.name
    vpc_id                   = module.vpc.vpc_id
    subnet_ids               = module.vpc.database_subnet_ids
    subnet_group_name        = module.vpc.database_subnet_group_name
    client_security_group_id = module.eks.node_security_group_id
  }
}

# The topics (with every consumer's dead-letter topic, sized for this environment) and the
# functions, read from the files that declare them for the whole repository.
module "catalog" {
  source      = "../modules/catalog"
  environment = var.env
}

module "vpc" {
  source             = "../modules/vpc"
  name               = local.name
  cidr               = var.network.cidr
  az_count           = var.network.az_count
  single_nat_gateway = var.network.single_nat_gateway
}

module "eks" {
  source              = "../modules/eks"
  name                = local.name
  kubernetes_version  = var.cluster.kubernetes_version
  vpc_id              = module.vpc.vpc_id
  subnet_ids          = module.vpc.private_subnet_ids
  node_instance_types = var.cluster.node_instance_types
  node_min_size       = var.cluster.node_min_size
  node_max_size       = var.cluster.node_max_size
  knative_version     = var.cluster.knative_version
  domain              = var.domain
}

module "ingress" {
  source                      = "../modules/ingress"
  name                        = local.name
  cluster_name                = module.eks.cluster_name
  oidc_provider_arn           = module.eks.oidc_provider_arn
  vpc_id                      = module.vpc.vpc_id
  vpc_cidr                    = module.vpc.vpc_cidr
  public_subnet_ids           = module.vpc.public_subnet_ids
  zone_name                   = var.zone_name
  domain                      = var.domain
  allowed_cidrs               = var.allowed_cidrs
  lb_controller_chart_version = var.cluster.lb_controller_chart_version
  envoy_gateway_version       = var.cluster.envoy_gateway_version
  depends_on                  = [module.eks]
}

module "secrets" {
  source                  = "../modules/secrets"
  name                    = local.name
  recovery_window_in_days = var.secrets_recovery_window_in_days
}

module "redis" {
  source             = "../modules/redis"
  placement          = local.data_placement
  node_type          = var.redis.node_type
  shards             = var.redis.shards
  replicas_per_shard = var.redis.replicas_per_shard
  auth_token         = module.secrets.redis_auth_token
}

module "kafka" {
  source               = "../modules/kafka"
  placement            = local.data_placement
  admin_cidrs          = var.kafka_admin_cidrs
  kafka_version        = var.kafka.version
  broker_instance_type = var.kafka.broker_instance_type
  brokers_per_az       = var.kafka.brokers_per_az
  volume_size_gb       = var.kafka.volume_size_gb
  scram_secret_arn     = module.secrets.kafka_scram_secret_arn
}

module "kafka_topics" {
  source             = "../modules/kafka-topics"
  topics             = module.catalog.topics
  replication_factor = var.kafka.topic_replication_factor
  depends_on         = [module.kafka]
}

module "postgres" {
  source                = "../modules/postgres"
  placement             = local.data_placement
  availability_zones    = module.vpc.azs
  shards                = var.postgres.shards
  replicas_per_shard    = var.postgres.replicas_per_shard
  engine_version        = var.postgres.engine_version
  instance_class        = var.postgres.instance_class
  storage_gb            = var.postgres.storage_gb
  multi_az              = var.postgres.multi_az
  backup_retention_days = var.postgres.backup_retention_days
  deletion_protection   = var.postgres.deletion_protection
  username              = module.secrets.postgres_username
  password              = module.secrets.postgres_password
}

module "knative_config" {
  source    = "../modules/knative-config"
  namespace = "surge" # the namespace of knative/overlays/*
  config = {
    postgres_instances = module.postgres.instances
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
  source      = "../modules/registry"
  functions   = module.catalog.functions
  keep_images = 50
}

# Amazon Managed Prometheus with Surge's alert rules (the one file the cluster's Prometheus loads
# too) and its Alertmanager publishing to SNS; ops/README.md says what scrapes into it.
module "monitoring" {
  source             = "../modules/monitoring"
  name               = local.name
  rules_file         = "${path.module}/../../knative/monitoring/rules/surge-alerts.yaml"
  log_retention_days = var.monitoring.log_retention_days
  repeat_interval    = var.monitoring.repeat_interval
}
