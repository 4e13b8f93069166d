output "workspace_id" {
  description = "AMP workspace id."
  value       = aws_prometheus_workspace.this.id
}

output "remote_write_url" {
  description = "Where the cluster's Prometheus or ADOT collector remote-writes (SigV4, service aps)."
  value       = "${aws_prometheus_workspace.this.prometheus_endpoint}api/v1/remote_write"
}

output "query_url" {
  description = "Prometheus-compatible query endpoint, e.g. Grafana's data source (SigV4 auth)."
  value       = aws_prometheus_workspace.this.prometheus_endpoint
}

output "alerts_topic_arn" {
  description = "SNS topic the alerts are published to; subscribe the on-call channel to it."
  value       = aws_sns_topic.alerts.arn
}
