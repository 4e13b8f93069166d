# terraform test (offline: the module has no providers). The topics of each environment are the
# ones topics.yaml declares, with one dead-letter topic per consumer, sized from the file.

run "dev" {
  command = plan
  variables {
    environment = "dev"
  }
  assert {
    condition     = output.topics["surge.users.events"] == { partitions = 6, retention_ms = 604800000 }
    error_message = "surge.users.events in dev: 6 partitions kept 7 days."
  }
  assert {
    condition     = output.topics["surge.posts.events.feed.dlt"] == { partitions = 1, retention_ms = 1209600000 }
    error_message = "dead-letter topics in dev: 1 partition kept 14 days."
  }
  assert {
    condition = alltrue([
      for name in keys(output.topics) :
      contains(keys(output.topics), regex("^(.+)\\.[a-z0-9-]+\\.dlt$", name)[0]) if endswith(name, ".dlt")
    ])
    error_message = "every dead-letter topic <topic>.<consumer>.dlt belongs to a declared topic."
  }
  assert {
    condition     = contains(output.functions, "users") && contains(output.functions, "feed")
    error_message = "functions come from knative/functions.yaml."
  }
}

run "prod" {
  command = plan
  variables {
    environment = "prod"
  }
  assert {
    condition     = output.topics["surge.graph.events"].partitions == 24 && output.topics["surge.graph.events.recommendations.dlt"].partitions == 3
    error_message = "prod sizes: 24 partitions per topic, 3 per dead-letter topic."
  }
}

# The seeded mistake: an environment topics.yaml does not size.
run "unsized_environment" {
  command = plan
  variables {
    environment = "staging"
  }
  expect_failures = [output.topics]
}
