# terraform test (offline: the aws provider is mocked). MSK spans 3 zones with prod's values,
# replicates every topic 3 times, is encrypted and takes SCRAM over TLS only.

mock_provider "aws" {
  mock_resource "aws_msk_configuration" {
    defaults = { arn = "arn:aws:kafka:eu-west-1:123456789012:configuration/surge-prod-surge/0", latest_revision = 1 }
  }
}

variables {
  placement = {
    name                     = "surge-prod"
    vpc_id                   = "vpc-0123456789abcdef0"
    subnet_ids               = ["subnet-0a", "subnet-0b", "subnet-0c"]
    subnet_group_name        = "surge-prod"
    client_security_group_id = "sg-0123456789abcdef0"
  }
  admin_cidrs          = []
  kafka_version        = "3.6.0"
  broker_instance_type = "kafka.m7g.large"
  brokers_per_az       = 1
  volume_size_gb       = 500
  scram_secret_arn     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:AmazonMSK_surge-prod-abc123"
}

run "msk_spans_three_zones" {
  command = plan
  assert {
    condition     = length(aws_msk_cluster.this.broker_node_group_info[0].client_subnets) == 3 && aws_msk_cluster.this.number_of_broker_nodes == 3
    error_message = "one broker in each of 3 zones' subnets."
  }
  assert {
    condition     = strcontains(aws_msk_configuration.this.server_properties, "default.replication.factor=3") && strcontains(aws_msk_configuration.this.server_properties, "min.insync.replicas=2")
    error_message = "3 copies, 2 in sync: one zone can go."
  }
  assert {
    condition     = strcontains(aws_msk_configuration.this.server_properties, "auto.create.topics.enable=false")
    error_message = "topics are declared, never auto-created."
  }
}

run "encrypted_and_authenticated" {
  command = plan
  assert {
    condition     = aws_msk_cluster.this.encryption_info[0].encryption_in_transit[0].client_broker == "TLS" && aws_msk_cluster.this.encryption_info[0].encryption_in_transit[0].in_cluster
    error_message = "TLS between clients and brokers and inside the cluster. (At rest MSK always encrypts, with the AWS-managed key unless a KMS key is given.)"
  }
  assert {
    condition     = aws_msk_cluster.this.client_authentication[0].sasl[0].scram
    error_message = "clients authenticate with SASL/SCRAM."
  }
}

run "four_subnets_are_refused" {
  command = plan
  variables {
    placement = {
      name                     = "surge-prod"
      vpc_id                   = "vpc-0123456789abcdef0"
      subnet_ids               = ["subnet-0a", "subnet-0b", "subnet-0c", "subnet-0d"]
      subnet_group_name        = "surge-prod"
      client_security_group_id = "sg-0123456789abcdef0"
    }
  }
  expect_failures = [aws_msk_cluster.this]
}
