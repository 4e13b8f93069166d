output "cluster_name" {
  description = "For `aws eks update-kubeconfig --name`."
  value       = module.eks.cluster_name
}

output "base_url" {
  description = "Functions answer at https://<function>.surge.<domain>."
  value       = module.ingress.base_url
}

output "postgres_shard_map" {
  description = "Physical shards as JSON {shard, writer, readers}; shard i is instance shard<i> of surge.data.*."
  value       = module.postgres.shard_map
}

output "postgres_data_env" {
  description = "The surge.data.* variables in ConfigMap surge-config: SURGE_DATA_MAP (logical ranges) and SURGE_DATA_INSTANCES_SHARD<i>_PRIMARY/_REPLICAS."
  value       = module.knative_config.postgres_env
}

output "redis_hosts" {
  description = "QUARKUS_REDIS_HOSTS (also in surge-config)."
  value       = module.redis.hosts
}

output "kafka_bootstrap_brokers" {
  description = "KAFKA_BOOTSTRAP_SERVERS (also in surge-config); KafkaSources need it too."
  value       = module.kafka.bootstrap_brokers
}

output "kafka_topics" {
  description = "Topics created: every topic of topics.yaml and every consumer's dead-letter topic."
  value       = module.kafka_topics.topic_names
}

output "registry" {
  description = "Image registry: push <registry>/surge/<function>:<tag>."
  value       = module.registry.registry
}

output "prometheus_remote_write_url" {
  description = "Amazon Managed Prometheus remote-write URL for the cluster's Prometheus/ADOT (SigV4, service aps)."
  value       = module.monitoring.remote_write_url
}

output "prometheus_query_url" {
  description = "Amazon Managed Prometheus query endpoint (Grafana data source, SigV4)."
  value       = module.monitoring.query_url
}

output "alerts_topic_arn" {
  description = "SNS topic Surge's alerts are published to; subscribe the on-call channel."
  value       = module.monitoring.alerts_topic_arn
}
