output "cluster_name" {
  description = "EKS cluster name."
  value       = module.eks.cluster_name
}

output "cluster_endpoint" {
  description = "Kubernetes API endpoint (for the root's kubernetes and helm providers)."
  value       = module.eks.cluster_endpoint
}

output "cluster_certificate_authority_data" {
  description = "Base64 CA bundle of the API endpoint."
  value       = module.eks.cluster_certificate_authority_data
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

output "kafka_username" {
  description = "MSK SCRAM user (for the root's kafka provider)."
  value       = module.secrets.kafka_username
}

output "kafka_password" {
  description = "MSK SCRAM password (for the root's kafka provider)."
  value       = module.secrets.kafka_password
  sensitive   = true
}

output "kafka_topics" {
  description = "Topics created."
  value       = module.kafka_topics.topic_names
}

output "registry" {
  description = "Image registry: push <registry>/surge/<function>:<tag>."
  value       = module.registry.registry
}
