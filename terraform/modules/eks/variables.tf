variable "name" {
  type        = string
  description = "Cluster name (the environment name)."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{2,38}$", var.name))
    error_message = "name must be 3-39 lower-case letters, digits or dashes."
  }
}

variable "kubernetes_version" {
  type        = string
  description = "EKS Kubernetes minor version, e.g. 1.31."
  validation {
    condition     = can(regex("^1\\.(2[89]|3[0-9])$", var.kubernetes_version))
    error_message = "kubernetes_version must be a supported minor version such as 1.31."
  }
}

variable "vpc_id" {
  type        = string
  description = "VPC of the cluster."
  validation {
    condition     = can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must look like vpc-0123abcd."
  }
}

variable "subnet_ids" {
  type        = list(string)
  description = "Private subnets for the control plane ENIs and the nodes."
  validation {
    condition     = length(var.subnet_ids) >= 2
    error_message = "at least two subnets (two AZs) are required."
  }
}

variable "node_instance_types" {
  type        = list(string)
  description = "Instance types of the function node group."
  validation {
    condition     = length(var.node_instance_types) > 0
    error_message = "at least one instance type is required."
  }
}

variable "node_min_size" {
  type        = number
  description = "Minimum (and initial) node count."
  validation {
    condition     = var.node_min_size >= 1
    error_message = "node_min_size must be at least 1 (Knative's own pods need a node)."
  }
}

variable "node_max_size" {
  type        = number
  description = "Maximum node count for the cluster autoscaler."
  validation {
    condition     = var.node_max_size >= 1 && var.node_max_size <= 100
    error_message = "node_max_size must be 1..100."
  }
}

variable "knative_version" {
  type        = string
  description = "Knative Operator chart version; the operator installs the same Serving/Eventing version."
  validation {
    condition     = can(regex("^v?1\\.[0-9]+\\.[0-9]+$", var.knative_version))
    error_message = "knative_version must be an exact 1.x.y version."
  }
}

variable "domain" {
  type        = string
  description = "DNS domain of Knative routes: <function>.<namespace>.<domain>."
  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a DNS name such as api.example.org."
  }
}
