# The components moved from this root into modules/stack. These blocks let `terraform plan` move
# the objects of a state applied before that change to their new addresses instead of destroying
# and recreating them (databases included). Delete them once every state of this environment has
# been applied with them.
moved {
  from = module.vpc
  to   = module.surge.module.vpc
}

moved {
  from = module.eks
  to   = module.surge.module.eks
}

moved {
  from = module.ingress
  to   = module.surge.module.ingress
}

moved {
  from = module.secrets
  to   = module.surge.module.secrets
}

moved {
  from = module.redis
  to   = module.surge.module.redis
}

moved {
  from = module.kafka
  to   = module.surge.module.kafka
}

moved {
  from = module.kafka_topics
  to   = module.surge.module.kafka_topics
}

moved {
  from = module.postgres
  to   = module.surge.module.postgres
}

moved {
  from = module.knative_config
  to   = module.surge.module.knative_config
}

moved {
  from = module.registry
  to   = module.surge.module.registry
}
