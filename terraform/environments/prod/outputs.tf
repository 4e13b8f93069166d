output "cluster_name" {
  description = "For `aws eks update-kubeconfig --name`."
  value       = module.surge.cluster_name
}

output "base_url" {
  description = "Functions answer at https://<function>.surge.<domain>."
  value       = module.surge.base_url
}

output "postgres_shard_map" {
  description = "Physical shards as JSON {shard, writer, readers}; shard i is instance shard<i> of surge.data.*."
  value       = module.surge.postgres_shard_map
}

output "postgres_data_env" {
  description = "The surge.data.* variables in ConfigMap surge-config: SURGE_DATA_MAP (logical ranges) and SURGE_DATA_INSTANCES_SHARD<i>_PRIMARY/_REPLICAS."
  value       = module.surge.postgres_data_env
}

output "redis_hosts" {
  description = "QUARKUS_REDIS_HOSTS (also in surge-config)."
  value       = module.surge.redis_hosts
}

output "kafka_bootstrap_brokers" {
  description = "KAFKA_BOOTSTRAP_SERVERS (also in surge-config); KafkaSources need it too."
  value       = module.surge.kafka_bootstrap_brokers
}

output "kafka_topics" {
  description = "Topics created."
  value       = module.surge.kafka_topics
}

output "registry" {
  description = "Image registry: push <registry>/surge/<function>:<tag>."
  value       = module.surge.registry
}
