# prod: three AZs, Multi-AZ primaries, two read replicas per shard, four physical shards. Topic
# partitions: topics.yaml, key prod.
env = "prod"

network = { cidr = "10.30.0.0/16", az_count = 3, single_nat_gateway = false }
cluster = {
  kubernetes_version          = "1.31"
  knative_version             = "v1.16.0"
  lb_controller_chart_version = "1.11.0"
  envoy_gateway_version       = "1.3.0"
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
monitoring = { log_retention_days = 30, repeat_interval = "4h" }
