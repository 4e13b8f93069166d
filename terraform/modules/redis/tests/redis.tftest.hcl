# terraform test (offline: the aws provider is mocked). ElastiCache runs in cluster mode with
# replicas and failover, encrypted in transit and at rest, with prod's values.

mock_provider "aws" {}

variables {
  placement = {
    name                     = "surge-prod"
    vpc_id                   = "vpc-0123456789abcdef0"
    subnet_ids               = ["subnet-0a", "subnet-0b", "subnet-0c"]
    subnet_group_name        = "surge-prod"
    client_security_group_id = "sg-0123456789abcdef0"
  }
  node_type          = "cache.r7g.large"
  shards             = 3
  replicas_per_shard = 2
  auth_token         = "test-only-not-a-secret-0123456789"
}

run "cluster_mode_with_replicas" {
  command = plan
  assert {
    condition     = aws_elasticache_replication_group.this.cluster_mode == "enabled" && aws_elasticache_replication_group.this.parameter_group_name == "default.redis7.cluster.on"
    error_message = "Redis runs in cluster mode (shared-cache's hash tags assume it)."
  }
  assert {
    condition     = aws_elasticache_replication_group.this.num_node_groups == 3 && aws_elasticache_replication_group.this.replicas_per_node_group == 2
    error_message = "prod: 3 shards with 2 replicas each."
  }
  assert {
    condition     = aws_elasticache_replication_group.this.automatic_failover_enabled && aws_elasticache_replication_group.this.multi_az_enabled
    error_message = "a replica in another zone takes over a failed primary."
  }
}

run "encrypted_and_private" {
  command = plan
  assert {
    condition     = aws_elasticache_replication_group.this.at_rest_encryption_enabled && aws_elasticache_replication_group.this.transit_encryption_enabled
    error_message = "encrypted at rest and in transit."
  }
  assert {
    condition     = aws_elasticache_subnet_group.this.subnet_ids == toset(["subnet-0a", "subnet-0b", "subnet-0c"])
    error_message = "only the isolated database subnets."
  }
  assert {
    condition     = one(aws_security_group.redis.ingress).cidr_blocks == [] || one(aws_security_group.redis.ingress).cidr_blocks == null
    error_message = "reachable from the nodes' security group only, no CIDR."
  }
}

run "no_replica_is_refused" {
  command = plan
  variables {
    replicas_per_shard = 0
  }
  expect_failures = [var.replicas_per_shard]
}
