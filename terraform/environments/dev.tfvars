# dev: smallest sizes that still exercise the real topology (2 AZs, 2 shards with one replica,
# Redis in cluster mode, MSK with SCRAM). Topic partitions: topics.yaml, key dev.
env = "dev"

network = { cidr = "10.20.0.0/16", az_count = 2, single_nat_gateway = true }
cluster = {
  kubernetes_version          = "1.31"
  knative_version             = "v1.16.0"
  lb_controller_chart_version = "1.11.0"
  envoy_gateway_version       = "1.3.0"
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
monitoring = { log_retention_days = 7, repeat_interval = "12h" }
