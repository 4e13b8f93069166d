# Credentials, generated once and kept in Secrets Manager (the source of truth for humans and
# rotation); the knative-config module copies them into Kubernetes Secrets for the functions.
# MSK SCRAM requires its secret to be named AmazonMSK_* and encrypted with a customer KMS key.
terraform {
  required_providers {
    aws    = { source = "hashicorp/aws", version = ">= 5.84.0" }
    random = { source = "hashicorp/random", version = ">= 3.6.3" }
    tls    = { source = "hashicorp/tls", version = ">= 4.0.6" }
  }
}

variable "name" {
  type        = string
  description = "Environment name, prefix of secret names."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.name))
    error_message = "name must be 3-21 lower-case letters, digits or dashes."
  }
}

variable "recovery_window_in_days" {
  type        = number
  description = "Days a deleted secret can be restored (0 deletes at once: dev only)."
  validation {
    condition     = var.recovery_window_in_days == 0 || (var.recovery_window_in_days >= 7 && var.recovery_window_in_days <= 30)
    error_message = "recovery_window_in_days must be 0 or 7..30."
  }
}

resource "random_password" "postgres" {
  length  = 40
  special = false
}

# ElastiCache AUTH tokens allow only printable characters without @, " and /.
resource "random_password" "redis" {
  length  = 64
  special = false
}

resource "random_password" "kafka" {
  length  = 40
  special = false
}

resource "tls_private_key" "jwt" {
  algorithm = "RSA"
  rsa_bits  = 2048
}

resource "aws_kms_key" "secrets" {
  description         = "${var.name} Surge secrets (required by MSK SCRAM)"
  enable_key_rotation = true
}

locals {
  secrets = {
    postgres = jsonencode({ username = "surge", password = random_password.postgres.result })
    redis    = jsonencode({ auth_token = random_password.redis.result })
    jwt      = jsonencode({ private_key = tls_private_key.jwt.private_key_pem_pkcs8, public_key = tls_private_key.jwt.public_key_pem })
  }
}

resource "aws_secretsmanager_secret" "app" {
  for_each                = local.secrets
  name                    = "${var.name}/surge/${each.key}"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret_version" "app" {
  for_each      = local.secrets
  secret_id     = aws_secretsmanager_secret.app[each.key].id
  secret_string = each.value
}

resource "aws_secretsmanager_secret" "kafka" {
  name                    = "AmazonMSK_${var.name}_surge"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.recovery_window_in_days
}

resource "aws_secretsmanager_secret_version" "kafka" {
  secret_id     = aws_secretsmanager_secret.kafka.id
  secret_string = jsonencode({ username = "surge", password = random_password.kafka.result })
}

output "postgres_username" {
  description = "Master and application user of every shard."
  value       = "surge"
}

output "postgres_password" {
  description = "Password of postgres_username."
  value       = random_password.postgres.result
  sensitive   = true
}

output "redis_auth_token" {
  description = "ElastiCache AUTH token."
  value       = random_password.redis.result
  sensitive   = true
}

output "kafka_username" {
  description = "MSK SCRAM user."
  value       = "surge"
}

output "kafka_password" {
  description = "MSK SCRAM password."
  value       = random_password.kafka.result
  sensitive   = true
}

output "kafka_scram_secret_arn" {
  description = "Secret to associate with the MSK cluster."
  value       = aws_secretsmanager_secret.kafka.arn
}

output "jwt_private_key_pem" {
  description = "PKCS#8 PEM that signs Surge JWTs."
  value       = tls_private_key.jwt.private_key_pem_pkcs8
  sensitive   = true
}

output "jwt_public_key_pem" {
  description = "PEM that verifies Surge JWTs (not secret)."
  value       = tls_private_key.jwt.public_key_pem
}
