variable "name" {
  type        = string
  description = "Environment name, prefix of resources."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,20}$", var.name))
    error_message = "name must be 3-21 lower-case letters, digits or dashes."
  }
}

variable "cluster_name" {
  type        = string
  description = "EKS cluster the load balancer controller manages."
  validation {
    condition     = length(var.cluster_name) > 0
    error_message = "cluster_name must not be empty."
  }
}

variable "oidc_provider_arn" {
  type        = string
  description = "IRSA OIDC provider of the cluster."
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/", var.oidc_provider_arn))
    error_message = "oidc_provider_arn must be an IAM OIDC provider ARN."
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC of the load balancer."
  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0123abcd."
  }
}

variable "vpc_cidr" {
  type        = string
  description = "VPC CIDR, the only destination the NLB may reach."
  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be a CIDR block."
  }
}

variable "public_subnet_ids" {
  type        = list(string)
  description = "Public subnets for the NLB."
  validation {
    condition     = length(var.public_subnet_ids) >= 2
    error_message = "at least two public subnets are required."
  }
}

variable "zone_name" {
  type        = string
  description = "Existing public Route53 hosted zone, e.g. example.org."
  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.zone_name))
    error_message = "zone_name must be a DNS name."
  }
}

variable "domain" {
  type        = string
  description = "Domain inside the zone for Knative routes (dev.example.org or example.org)."
  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a DNS name."
  }
}

variable "allowed_cidrs" {
  type        = list(string)
  description = "Client CIDRs allowed to reach port 443 (0.0.0.0/0 for a public API)."
  validation {
    condition     = alltrue([for c in var.allowed_cidrs : can(cidrhost(c, 0))])
    error_message = "allowed_cidrs must be CIDR blocks."
  }
}

variable "lb_controller_chart_version" {
  type        = string
  description = "aws-load-balancer-controller Helm chart version."
  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.lb_controller_chart_version))
    error_message = "lb_controller_chart_version must be an exact x.y.z version."
  }
}

variable "envoy_gateway_version" {
  type        = string
  description = "Envoy Gateway Helm chart version (oci://docker.io/envoyproxy/gateway-helm): the Gateway API implementation behind knative/gateway/ (the public entry's routes, per-IP limits and TLS)."
  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.envoy_gateway_version))
    error_message = "envoy_gateway_version must be an exact x.y.z version."
  }
}
