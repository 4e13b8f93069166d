# prod: three AZs, Multi-AZ primaries, two read replicas per shard, four physical shards. What the
# environment consists of is modules/stack; this file holds only prod's sizes, counts and versions.
locals {
  env = "prod"
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

  network = { cidr = "10.30.0.0/16", az_count = 3, single_nat_gateway = false }
  cluster = {
    kubernetes_version          = "1.31"
    knative_version             = "v1.16.0"
    lb_controller_chart_version = "1.11.0"
    node_instance_types         = ["m6i.xlarge", "m6a.xlarge"]
    node_min_size               = 3
    node_max_size               = 20
  }
  secrets_recovery_window_in_days = 30
  redis                           = { node_type = "cache.r7g.large", shards = 3, replicas_per_shard = 2 }
  kafka = {
    version                  = "3.6.0"
    broker_instance_type     = "kafka.m7g.large"
    brokers_per_az           = 1
    volume_size_gb           = 500
    topic_replication_factor = 3
    # Every topic Surge uses and the dead-letter topic of every consumer (<topic>.<consumer>.dlt).
    # Keep in sync with knative/functions.yaml (none consumes yet).
    topics = {
      "surge.users.events" = { partitions = 24, retention_ms = 604800000, cleanup_policy = "delete" }
      "surge.graph.events" = { partitions = 24, retention_ms = 604800000, cleanup_policy = "delete" }
      "surge.posts.events" = { partitions = 24, retention_ms = 604800000, cleanup_policy = "delete" }
      # Dead letters of every consumer (<topic>.<consumer>.dlt), kept two weeks for dev/dlt-replay.
      "surge.users.events.feed.dlt"            = { partitions = 3, retention_ms = 1209600000, cleanup_policy = "delete" }
      "surge.graph.events.feed.dlt"            = { partitions = 3, retention_ms = 1209600000, cleanup_policy = "delete" }
      "surge.posts.events.feed.dlt"            = { partitions = 3, retention_ms = 1209600000, cleanup_policy = "delete" }
      "surge.users.events.recommendations.dlt" = { partitions = 3, retention_ms = 1209600000, cleanup_policy = "delete" }
      "surge.graph.events.recommendations.dlt" = { partitions = 3, retention_ms = 1209600000, cleanup_policy = "delete" }
    }
  }
  postgres = {
    shards                = 4
    replicas_per_shard    = 2
    engine_version        = "16.4"
    instance_class        = "db.r7g.large"
    storage_gb            = 200
    multi_az              = true
    backup_retention_days = 14
    deletion_protection   = true
  }
}
