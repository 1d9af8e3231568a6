resource "aws_cloudwatch_log_group" "gateway" {
  name              = "/ecs/${local.name}/gateway"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "silo" {
  name              = "/ecs/${local.name}/silo"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "otel" {
  name              = "/ecs/${local.name}/otel-collector"
  retention_in_days = var.log_retention_days
}

# Metrics arrive as CloudWatch embedded metric format records written by the collector's awsemf exporter.
resource "aws_cloudwatch_log_group" "metrics" {
  name              = "/ecs/${local.name}/metrics"
  retention_in_days = var.log_retention_days
}
