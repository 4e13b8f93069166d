variable "name" {
  type        = string
  description = "Resource name prefix, surge-<env>: the workspace alias, the log group /aws/prometheus/<name> and the SNS topic <name>-alerts."
  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,20}$", var.name))
    error_message = "name must be 2-21 lower-case letters, digits or dashes, starting with a letter."
  }
}

variable "rules_file" {
  type        = string
  description = "Path of the Prometheus rules file (knative/monitoring/rules/surge-alerts.yaml, the single source shared with the cluster's Prometheus)."
  validation {
    condition     = fileexists(var.rules_file) && can(yamldecode(file(var.rules_file)).groups[0].rules)
    error_message = "rules_file must be an existing Prometheus rules file with at least one group of rules."
  }
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps AMP's rule and Alertmanager logs (a value CloudWatch accepts)."
  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of CloudWatch's retention values (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "repeat_interval" {
  type        = string
  description = "How often Alertmanager repeats a still-firing alert, a Prometheus duration such as 4h."
  validation {
    condition     = can(regex("^[0-9]+[mh]$", var.repeat_interval))
    error_message = "repeat_interval must be minutes or hours, e.g. 30m or 4h."
  }
}
