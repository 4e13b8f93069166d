variable "region" {
  type        = string
  description = "AWS region of the environment."
  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region such as eu-west-1."
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
  description = "Domain of this environment inside zone_name; functions answer at <fn>.surge.<domain>."
  validation {
    condition     = can(regex("^([a-z0-9-]+\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a DNS name."
  }
}

variable "otlp_endpoint" {
  type        = string
  description = "OTLP gRPC endpoint of the trace collector, e.g. http://otel-collector.observability:4317."
  validation {
    condition     = can(regex("^https?://[^ ]+:[0-9]+$", var.otlp_endpoint))
    error_message = "otlp_endpoint must be an http(s) URL with a port."
  }
}

variable "allowed_cidrs" {
  type        = list(string)
  description = "Client CIDRs allowed through the public load balancer."
  validation {
    condition     = length(var.allowed_cidrs) > 0 && alltrue([for c in var.allowed_cidrs : can(cidrhost(c, 0))])
    error_message = "allowed_cidrs must be a non-empty list of CIDR blocks."
  }
}

variable "kafka_admin_cidrs" {
  type        = list(string)
  description = "CIDRs of the runner applying this configuration (it creates topics over 9096)."
  validation {
    condition     = alltrue([for c in var.kafka_admin_cidrs : can(cidrhost(c, 0))])
    error_message = "kafka_admin_cidrs must be CIDR blocks."
  }
}
