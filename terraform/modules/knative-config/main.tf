# The bridge to knative/: the `surge` namespace, the ConfigMap `surge-config` (envFrom of every
# function) and the Secrets the Services reference by key. Names and keys here are the contract
# with knative/base/*/service.yaml.
terraform {
  required_version = ">= 1.6.0"
  required_providers {
    kubernetes = { source = "hashicorp/kubernetes", version = "2.35.1" }
  }
}

variable "namespace" {
  type        = string
  description = "Namespace of the Surge functions (the overlays' namespace)."
  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.namespace))
    error_message = "namespace must be a DNS-1123 label."
  }
}

variable "config" {
  type = object({
    postgres_url       = string
    postgres_shard_map = string
    redis_hosts        = string
    kafka_bootstrap    = string
    jwt_public_key_pem = string
    otlp_endpoint      = string
  })
  description = "Non-secret endpoints from the other modules."
  validation {
    condition     = startswith(var.config.postgres_url, "postgresql://") && startswith(var.config.redis_hosts, "rediss://") && can(jsondecode(var.config.postgres_shard_map))
    error_message = "config needs a postgresql:// URL, a rediss:// host and a JSON shard map."
  }
}

variable "credentials" {
  type = object({
    postgres_username  = string
    postgres_password  = string
    redis_auth_token   = string
    kafka_username     = string
    kafka_password     = string
    jwt_private_key_pem = string
  })
  description = "Secrets from the secrets module."
  sensitive   = true
  validation {
    condition     = length(var.credentials.postgres_password) >= 16 && length(var.credentials.kafka_password) >= 16
    error_message = "credentials must carry generated passwords."
  }
}

resource "kubernetes_namespace_v1" "surge" {
  metadata {
    name   = var.namespace
    labels = { "app.kubernetes.io/part-of" = "surge" }
  }
}

resource "kubernetes_config_map_v1" "surge" {
  metadata {
    name      = "surge-config"
    namespace = kubernetes_namespace_v1.surge.metadata[0].name
  }
  data = {
    QUARKUS_DATASOURCE_REACTIVE_URL     = var.config.postgres_url
    SURGE_PG_SHARD_MAP                  = var.config.postgres_shard_map
    QUARKUS_REDIS_HOSTS                 = var.config.redis_hosts
    QUARKUS_REDIS_CLIENT_TYPE           = "cluster"
    KAFKA_BOOTSTRAP_SERVERS             = var.config.kafka_bootstrap
    KAFKA_SECURITY_PROTOCOL             = "SASL_SSL"
    KAFKA_SASL_MECHANISM                = "SCRAM-SHA-512"
    SURGE_JWT_PUBLIC_KEY                = var.config.jwt_public_key_pem
    QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT = var.config.otlp_endpoint
  }
}

locals {
  secrets = {
    surge-postgres = {
      username = var.credentials.postgres_username
      password = var.credentials.postgres_password
    }
    surge-redis = { auth-token = var.credentials.redis_auth_token }
    surge-kafka = {
      username    = var.credentials.kafka_username
      password    = var.credentials.kafka_password
      sasl-type   = "SCRAM-SHA-512"
      jaas-config = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"${var.credentials.kafka_username}\" password=\"${var.credentials.kafka_password}\";"
    }
    surge-jwt = { private-key = var.credentials.jwt_private_key_pem }
  }
}

resource "kubernetes_secret_v1" "surge" {
  for_each = nonsensitive(toset(keys(local.secrets)))
  metadata {
    name      = each.key
    namespace = kubernetes_namespace_v1.surge.metadata[0].name
  }
  data = local.secrets[each.key]
}

output "namespace" {
  description = "Namespace holding the functions, their ConfigMap and Secrets."
  value       = kubernetes_namespace_v1.surge.metadata[0].name
}
