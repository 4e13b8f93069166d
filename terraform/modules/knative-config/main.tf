# The bridge to knative/: the `surge` namespace, the ConfigMap `surge-config` (envFrom of every
# function) and the Secrets the Services reference by key. Names and keys here are the contract
# with knative/base/*/service.yaml.
terraform {
  required_providers {
    kubernetes = { source = "hashicorp/kubernetes", version = ">= 2.35.1" }
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
    postgres_instances = list(object({
      primary  = string
      replicas = list(string)
    }))
    redis_hosts        = string
    kafka_bootstrap    = string
    jwt_public_key_pem = string
    otlp_endpoint      = string
  })
  description = "Non-secret endpoints from the other modules. postgres_instances: one entry per physical shard (index i becomes instance shard<i>), its primary's and replicas' postgresql:// URLs."
  validation {
    condition     = length(var.config.postgres_instances) >= 1 && length(var.config.postgres_instances) <= 64
    error_message = "config.postgres_instances needs 1..64 physical shards (the postgres module's range)."
  }
  validation {
    # Replicas are passed comma-joined (a SmallRye Config list), so no URL may contain a comma.
    condition = alltrue([
      for i in var.config.postgres_instances : alltrue([
        for u in concat([i.primary], i.replicas) : startswith(u, "postgresql://") && !strcontains(u, ",")
      ])
    ])
    error_message = "config.postgres_instances URLs must start with postgresql:// and contain no comma."
  }
  validation {
    condition     = startswith(var.config.redis_hosts, "rediss://")
    error_message = "config.redis_hosts must be a rediss:// host."
  }
}

variable "credentials" {
  type = object({
    postgres_username   = string
    postgres_password   = string
    redis_auth_token    = string
    kafka_username      = string
    kafka_password      = string
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

locals {
  # Logical shards: the 10 shard bits of every id (SurgeIds; surge.data.shards' default).
  logical_shards = 1024
  pg_count       = length(var.config.postgres_instances)

  # shared-data's surge.data.* as environment variables (SmallRye Config maps SURGE_DATA_X_Y to
  # surge.data.x.y, instance names included; checked against the users function, see
  # terraform/README.md). Physical shard i is instance shard<i>; the logical shards are split
  # evenly in ranges: with 2 shards SURGE_DATA_MAP = "0-511=shard0,512-1023=shard1".
  postgres_env = merge(
    {
      SURGE_DATA_MAP = join(",", [
        for i in range(local.pg_count) :
        "${floor(i * local.logical_shards / local.pg_count)}-${floor((i + 1) * local.logical_shards / local.pg_count) - 1}=shard${i}"
      ])
    },
    { for i, inst in var.config.postgres_instances : "SURGE_DATA_INSTANCES_SHARD${i}_PRIMARY" => inst.primary },
    # No key for a shard without replicas: the list is optional, an empty value is not a URL.
    {
      for i, inst in var.config.postgres_instances :
      "SURGE_DATA_INSTANCES_SHARD${i}_REPLICAS" => join(",", inst.replicas) if length(inst.replicas) > 0
    }
  )
}

resource "kubernetes_config_map_v1" "surge" {
  metadata {
    name      = "surge-config"
    namespace = kubernetes_namespace_v1.surge.metadata[0].name
  }
  # The database user and password are not here: surge.data.username/password default from
  # QUARKUS_DATASOURCE_USERNAME/PASSWORD, which the Services take from the Secret surge-postgres.
  data = merge(local.postgres_env, {
    QUARKUS_REDIS_HOSTS                 = var.config.redis_hosts
    QUARKUS_REDIS_CLIENT_TYPE           = "cluster"
    KAFKA_BOOTSTRAP_SERVERS             = var.config.kafka_bootstrap
    KAFKA_SECURITY_PROTOCOL             = "SASL_SSL"
    KAFKA_SASL_MECHANISM                = "SCRAM-SHA-512"
    SURGE_JWT_PUBLIC_KEY                = var.config.jwt_public_key_pem
    QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT = var.config.otlp_endpoint
  })
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

output "postgres_env" {
  description = "The surge.data.* variables written into surge-config (SURGE_DATA_MAP, SURGE_DATA_INSTANCES_SHARD<i>_PRIMARY/_REPLICAS); no credentials."
  value       = local.postgres_env
}
