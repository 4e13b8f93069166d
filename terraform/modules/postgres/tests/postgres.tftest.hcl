# terraform test (offline: the aws provider is mocked). Plan-time facts of the sharded PostgreSQL
# with prod's values (environments/prod.tfvars): N primaries, each with its replicas in zones of
# their own, no instance reachable from the internet, everything encrypted at rest.

mock_provider "aws" {}

variables {
  placement = {
    name                     = "surge-prod"
    vpc_id                   = "vpc-0123456789abcdef0"
    subnet_ids               = ["subnet-0a", "subnet-0b", "subnet-0c"]
    subnet_group_name        = "surge-prod"
    client_security_group_id = "sg-0123456789abcdef0"
  }
  availability_zones    = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  shards                = 4
  replicas_per_shard    = 2
  engine_version        = "16.4"
  instance_class        = "db.r7g.large"
  storage_gb            = 200
  multi_az              = true
  backup_retention_days = 14
  deletion_protection   = true
  username              = "surge"
  password              = "test-only-not-a-secret-0123456789"
}

run "prod_has_n_primaries_each_with_replicas_in_other_zones" {
  command = plan
  assert {
    condition     = length(aws_db_instance.primary) == 4 && length(aws_db_instance.replica) == 8
    error_message = "4 shard primaries with 2 replicas each."
  }
  assert {
    condition     = alltrue([for p in aws_db_instance.primary : p.multi_az])
    error_message = "prod primaries are Multi-AZ (a synchronous standby in another zone)."
  }
  assert {
    condition = alltrue([for s in range(4) : length(distinct([
      for r in aws_db_instance.replica : r.availability_zone if r.replicate_source_db == aws_db_instance.primary[s].identifier
    ])) == 2])
    error_message = "each shard's two replicas follow its own primary and sit in two distinct zones, so one is always outside the primary's zone."
  }
  assert {
    condition     = alltrue([for r in aws_db_instance.replica : contains(var.availability_zones, r.availability_zone)])
    error_message = "replicas are placed in the VPC's zones."
  }
}

run "no_database_is_public_and_all_are_encrypted" {
  command = plan
  assert {
    condition     = alltrue([for i in concat(aws_db_instance.primary, aws_db_instance.replica) : i.publicly_accessible == false])
    error_message = "no PostgreSQL instance is publicly accessible."
  }
  assert {
    condition     = alltrue([for i in concat(aws_db_instance.primary, aws_db_instance.replica) : i.storage_encrypted])
    error_message = "every primary and replica is encrypted at rest."
  }
  assert {
    condition     = one(aws_db_parameter_group.this.parameter).name == "rds.force_ssl" && one(aws_db_parameter_group.this.parameter).value == "1"
    error_message = "connections must use TLS (rds.force_ssl)."
  }
  assert {
    condition     = alltrue([for i in aws_db_instance.primary : i.db_subnet_group_name == "surge-prod"])
    error_message = "primaries live in the isolated database subnets."
  }
}

run "dev_single_zone_primary_still_has_its_replica_in_the_other_zone" {
  command = plan
  variables {
    availability_zones = ["eu-west-1a", "eu-west-1b"]
    shards             = 2
    replicas_per_shard = 1
    multi_az           = false
  }
  assert {
    condition     = [for r in aws_db_instance.replica : r.availability_zone] == ["eu-west-1b", "eu-west-1a"]
    error_message = "shard 0's replica in zone b, shard 1's in zone a: next to each shard's home zone."
  }
}

run "one_zone_is_refused" {
  command = plan
  variables {
    availability_zones = ["eu-west-1a"]
  }
  expect_failures = [var.availability_zones]
}
