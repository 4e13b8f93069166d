# terraform test (offline: the aws provider is mocked). The rule group namespace carries the one
# rules file byte for byte, the alerts go to an encrypted topic, and bad values are refused.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_resource "aws_prometheus_workspace" {
    defaults = {
      id                  = "ws-00000000-0000-0000-0000-000000000000"
      arn                 = "arn:aws:aps:eu-west-1:123456789012:workspace/ws-00000000-0000-0000-0000-000000000000"
      prometheus_endpoint = "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-00000000-0000-0000-0000-000000000000/"
    }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/aws/prometheus/surge-dev" }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-west-1:123456789012:surge-dev-alerts" }
  }
}

variables {
  name               = "surge-dev"
  rules_file         = "../../../knative/monitoring/rules/surge-alerts.yaml"
  log_retention_days = 7
  repeat_interval    = "4h"
}

run "the_rules_are_the_single_file" {
  command = apply
  assert {
    condition     = aws_prometheus_rule_group_namespace.surge.data == file("../../../knative/monitoring/rules/surge-alerts.yaml")
    error_message = "AMP gets knative/monitoring/rules/surge-alerts.yaml unchanged."
  }
  assert {
    condition     = length([for g in yamldecode(aws_prometheus_rule_group_namespace.surge.data).groups : g if length([for r in g.rules : r if can(r.alert)]) > 0]) >= 4
    error_message = "the file holds the alert groups."
  }
  assert {
    condition     = aws_sns_topic.alerts.kms_master_key_id != null && aws_sns_topic.alerts.kms_master_key_id != ""
    error_message = "the alerts topic is encrypted at rest."
  }
  assert {
    condition     = strcontains(aws_prometheus_alert_manager_definition.this.definition, "arn:aws:sns:eu-west-1:123456789012:surge-dev-alerts")
    error_message = "Alertmanager publishes to the alerts topic."
  }
  assert {
    condition     = output.remote_write_url == "https://aps-workspaces.eu-west-1.amazonaws.com/workspaces/ws-00000000-0000-0000-0000-000000000000/api/v1/remote_write"
    error_message = "remote_write_url is the workspace's endpoint + api/v1/remote_write."
  }
}

run "a_missing_rules_file_is_refused" {
  command = plan
  variables {
    rules_file = "no-such-rules.yaml"
  }
  expect_failures = [var.rules_file]
}

run "an_odd_log_retention_is_refused" {
  command = plan
  variables {
    log_retention_days = 10
  }
  expect_failures = [var.log_retention_days]
}
