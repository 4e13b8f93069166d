# dev: smallest sizes that still exercise the real topology (2 AZs, 2 shards with one replica,
# Redis in cluster mode, MSK with SCRAM). What the environment consists of is modules/stack;
# this file holds only dev's sizes, counts and versions.
locals {
  env = "dev"
}

module "surge" {
  source = "../../modules/stack"
  env    = local.env
  site = {
    zone_name         = var.zone_name
    domain            = var.domain
    otlp_endpoint     = var.otlp_endpoint
    allowed_cidrs     = var.allowed_cidrs
    kafka_admin_cidrs = var.kafka_admin_cidrs
  }

  network = { cidr = "10.20.0.0/16", az_count = 2, single_nat_gateway = true }
  cluster = {
    kubernetes_version          = "1.31"
    knative_version             = "v1.16.0"
    lb_controller_chart_version = "1.11.0"
    node_instance_types         = ["t3.large"]
    node_min_size               = 2
    node_max_size               = 4
  }
  secrets_recovery_window_in_days = 0
  redis                           = { node_type = "cache.t4g.small", shards = 1, replicas_per_shard = 1 }
  kafka = {
    version                  = "3.6.0"
    broker_instance_type     = "kafka.t3.small"
    brokers_per_az           = 1
    volume_size_gb           = 50
    topic_replication_factor = 2
    # Every topic Surge uses and the dead-letter topic of every consumer (<topic>.<consumer>.dlt).
    # Keep in sync with knative/functions.yaml (none consumes yet).
    topics = {
      "surge.users.events" = { partitions = 6, retention_ms = 604800000, cleanup_policy = "delete" }
      "surge.graph.events" = { partitions = 6, retention_ms = 604800000, cleanup_policy = "delete" }
      "surge.posts.events" = { partitions = 6, retention_ms = 604800000, cleanup_policy = "delete" }
      # Dead letters of every consumer (<topic>.<consumer>.dlt), kept two weeks for dev/dlt-replay.
      "surge.users.events.feed.dlt"            = { partitions = 1, retention_ms = 1209600000, cleanup_policy = "delete" }
      "surge.graph.events.feed.dlt"            = { partitions = 1, retention_ms = 1209600000, cleanup_policy = "delete" }
      "surge.posts.events.feed.dlt"            = { partitions = 1, retention_ms = 1209600000, cleanup_policy = "delete" }
      "surge.users.events.recommendations.dlt" = { partitions = 1, retention_ms = 1209600000, cleanup_policy = "delete" }
      "surge.graph.events.recommendations.dlt" = { partitions = 1, retention_ms = 1209600000, cleanup_policy = "delete" }
    }
  }
  postgres = {
    shards                = 2
    replicas_per_shard    = 1
    engine_version        = "16.4"
    instance_class        = "db.t4g.medium"
    storage_gb            = 20
    multi_az              = false
    backup_retention_days = 1
    deletion_protection   = false
  }
}
