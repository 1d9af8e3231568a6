# The containers' logs: each host's and the collector sidecar's (see local.container_logs).
resource "aws_cloudwatch_log_group" "container" {
  for_each          = { gateway = "gateway", silo = "silo", otel = "otel-collector" }
  name              = "/ecs/${local.name}/${each.value}"
  retention_in_days = var.log_retention_days
}

# Metrics arrive as CloudWatch embedded metric format records written by the collector's awsemf exporter.
resource "aws_cloudwatch_log_group" "metrics" {
  name              = "/ecs/${local.name}/metrics"
  retention_in_days = var.log_retention_days
}
