# Stand-in for the operator's account file (knative/README.md, step 2), for planning the
# environments' values offline in the checks.
region            = "eu-west-1"
zone_name         = "example.org"
domain            = "dev.example.org"
otlp_endpoint     = "http://otel-collector.observability:4317"
allowed_cidrs     = ["0.0.0.0/0"]
kafka_admin_cidrs = ["203.0.113.7/32"]
