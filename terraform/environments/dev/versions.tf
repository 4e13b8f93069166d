terraform {
  required_version = ">= 1.6.0"
  required_providers {
    aws        = { source = "hashicorp/aws", version = "5.84.0" }
    helm       = { source = "hashicorp/helm", version = "2.17.0" }
    kubernetes = { source = "hashicorp/kubernetes", version = "2.35.1" }
    random     = { source = "hashicorp/random", version = "3.6.3" }
    tls        = { source = "hashicorp/tls", version = "4.0.6" }
    kafka      = { source = "Mongey/kafka", version = "0.7.1" }
  }
  # State bucket and lock table are per account: pass them at init time
  # (terraform init -backend-config=bucket=... -backend-config=dynamodb_table=...).
  backend "s3" {
    key     = "surge/dev/terraform.tfstate"
    encrypt = true
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { project = "surge", environment = local.env }
  }
}

# Kubernetes-side providers authenticate with a short-lived token from the AWS CLI.
provider "kubernetes" {
  host                   = module.surge.cluster_endpoint
  cluster_ca_certificate = base64decode(module.surge.cluster_certificate_authority_data)
  exec {
    api_version = "client.authentication.k8s.io/v1beta1"
    command     = "aws"
    args        = ["eks", "get-token", "--cluster-name", module.surge.cluster_name, "--region", var.region]
  }
}

provider "helm" {
  kubernetes {
    host                   = module.surge.cluster_endpoint
    cluster_ca_certificate = base64decode(module.surge.cluster_certificate_authority_data)
    exec {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", module.surge.cluster_name, "--region", var.region]
    }
  }
}

provider "kafka" {
  bootstrap_servers = split(",", module.surge.kafka_bootstrap_brokers)
  tls_enabled       = true
  sasl_mechanism    = "scram-sha512"
  sasl_username     = module.surge.kafka_username
  sasl_password     = module.surge.kafka_password
}
