output "cluster_name" {
  description = "For `aws eks update-kubeconfig --name`."
  value       = module.eks.cluster_name
}

output "base_url" {
  description = "Functions answer at https://<function>.surge.<domain>."
  value       = module.ingress.base_url
}

output "postgres_shard_map" {
  description = "Physical shards (also in ConfigMap surge-config as SURGE_PG_SHARD_MAP)."
  value       = module.postgres.shard_map
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
  description = "Topics created."
  value       = module.kafka_topics.topic_names
}

output "registry" {
  description = "Image registry: push <registry>/surge/<function>:<tag>."
  value       = module.registry.registry
}
