# The root module of every environment. Providers and the state backend live here because
# Terraform configures them only in a root module; the exact provider versions are pinned here
# once, and each component module states only the minimum it needs.
terraform {
  required_version = ">= 1.6.0"
  required_providers {
    aws        = { source = "hashicorp/aws", version = "5.100.0" }
    helm       = { source = "hashicorp/helm", version = "2.17.0" }
    kubernetes = { source = "hashicorp/kubernetes", version = "2.35.1" }
    random     = { source = "hashicorp/random", version = "3.6.3" }
    tls        = { source = "hashicorp/tls", version = "4.0.6" }
    kafka      = { source = "Mongey/kafka", version = "0.7.1" }
  }
  # Which state: environments/<env>.s3.tfbackend (key surge/<env>/terraform.tfstate). Bucket and
  # lock table are per account, passed at init time as well (knative/README.md, step 2).
  backend "s3" {
    encrypt = true
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = { project = "surge", environment = var.env }
  }
}

locals {
  # Kubernetes-side providers authenticate with a short-lived token from the AWS CLI.
  cluster_exec = {
    api_version = "client.authentication.k8s.io/v1beta1"
    command     = "aws"
    args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name, "--region", var.region]
  }
}

provider "kubernetes" {
  host                   = module.eks.cluster_endpoint
  cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
  exec {
    api_version = local.cluster_exec.api_version
    command     = local.cluster_exec.command
    args        = local.cluster_exec.args
  }
}

provider "helm" {
  kubernetes {
    host                   = module.eks.cluster_endpoint
    cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
    exec {
      api_version = local.cluster_exec.api_version
      command     = local.cluster_exec.command
      args        = local.cluster_exec.args
    }
  }
}

provider "kafka" {
  bootstrap_servers = split(",", module.kafka.bootstrap_brokers)
  tls_enabled       = true
  sasl_mechanism    = "scram-sha512"
  sasl_username     = module.secrets.kafka_username
  sasl_password     = module.secrets.kafka_password
}
