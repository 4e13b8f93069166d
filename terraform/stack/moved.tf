# The components moved twice: from the roots environments/dev and environments/prod into a module
# "surge" (modules/stack) that those roots called, and then back to the top when modules/stack
# became this single root. A state applied with the module "surge" layout has them under
# module.surge; these blocks let `terraform plan` move them to their addresses here instead of
# destroying and recreating them (databases included). A state from before module "surge" already
# has them at these addresses. Delete the blocks once every environment's state has been applied
# with them.
moved {
  from = module.surge.module.vpc
  to   = module.vpc
}

moved {
  from = module.surge.module.eks
  to   = module.eks
}

moved {
  from = module.surge.module.ingress
  to   = module.ingress
}

moved {
  from = module.surge.module.secrets
  to   = module.secrets
}

moved {
  from = module.surge.module.redis
  to   = module.redis
}

moved {
  from = module.surge.module.kafka
  to   = module.kafka
}

moved {
  from = module.surge.module.kafka_topics
  to   = module.kafka_topics
}

moved {
  from = module.surge.module.postgres
  to   = module.postgres
}

moved {
  from = module.surge.module.knative_config
  to   = module.knative_config
}

moved {
  from = module.surge.module.registry
  to   = module.registry
}
