output "cluster_name" {
  description = "For `aws eks update-kubeconfig --name`."
  value       = module.surge.cluster_name
}

output "base_url" {
  description = "Functions answer at https://<function>.surge.<domain>."
  value       = module.surge.base_url
}

output "postgres_shard_map" {
  description = "Physical shards (also in ConfigMap surge-config as SURGE_PG_SHARD_MAP)."
  value       = module.surge.postgres_shard_map
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
