# Amazon Managed Service for Prometheus for one environment: the workspace the cluster's
# Prometheus (or ADOT collector) remote-writes to, Surge's alert rules evaluated by AMP itself,
# and its Alertmanager publishing to an SNS topic. The rules are file() of the single rules file,
# knative/monitoring/rules/surge-alerts.yaml, which the cluster's Prometheus also loads (ConfigMap
# surge-prometheus-rules), so there is one source. See ops/README.md.
terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = ">= 5.84.0" }
  }
}

data "aws_region" "current" {}

resource "aws_cloudwatch_log_group" "amp" {
  name              = "/aws/prometheus/${var.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_prometheus_workspace" "this" {
  alias = var.name
  logging_configuration {
    log_group_arn = "${aws_cloudwatch_log_group.amp.arn}:*"
  }
}

# One namespace holds the whole file: its groups are evaluated as they are written.
resource "aws_prometheus_rule_group_namespace" "surge" {
  name         = "surge"
  workspace_id = aws_prometheus_workspace.this.id
  data         = file(var.rules_file)
}

# Where alerts go: an encrypted SNS topic (subscribe e-mail, chat or a pager to it).
resource "aws_sns_topic" "alerts" {
  name              = "${var.name}-alerts"
  kms_master_key_id = "alias/aws/sns"
}

resource "aws_sns_topic_policy" "alerts" {
  arn = aws_sns_topic.alerts.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "AmpPublishes"
      Effect    = "Allow"
      Principal = { Service = "aps.amazonaws.com" }
      Action    = ["sns:Publish", "sns:GetTopicAttributes"]
      Resource  = aws_sns_topic.alerts.arn
      Condition = { ArnEquals = { "aws:SourceArn" = aws_prometheus_workspace.this.arn } }
    }]
  })
}

resource "aws_prometheus_alert_manager_definition" "this" {
  workspace_id = aws_prometheus_workspace.this.id
  definition = yamlencode({
    alertmanager_config = yamlencode({
      route = {
        receiver        = "sns"
        group_by        = ["alertname", "job"]
        group_wait      = "30s"
        group_interval  = "5m"
        repeat_interval = var.repeat_interval
      }
      receivers = [{
        name = "sns"
        sns_configs = [{
          topic_arn = aws_sns_topic.alerts.arn
          sigv4     = { region = data.aws_region.current.name }
          subject   = "[{{ .CommonLabels.severity }}] {{ .CommonLabels.alertname }}"
          attributes = {
            severity = "{{ .CommonLabels.severity }}"
          }
        }]
      }]
    })
  })
  depends_on = [aws_sns_topic_policy.alerts]
}
