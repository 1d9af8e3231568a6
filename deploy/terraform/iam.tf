data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Execution role: what the ECS agent needs to start a task (pull images, write logs, read the injected secrets).
resource "aws_iam_role" "execution" {
  name               = "${local.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

data "aws_iam_policy_document" "execution" {
  statement {
    sid       = "PullImages"
    actions   = ["ecr:GetAuthorizationToken", "ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"]
    resources = ["*"]
  }

  statement {
    sid     = "WriteContainerLogs"
    actions = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = [for group in aws_cloudwatch_log_group.container : "${group.arn}:*"]
  }

  statement {
    sid     = "ReadInjectedSecrets"
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_secretsmanager_secret.jwt_signing_key.arn,
      aws_secretsmanager_secret.slack_bot_token.arn,
      aws_secretsmanager_secret.slack_signing_secret.arn,
      aws_secretsmanager_secret.smtp_password.arn,
    ]
  }
}

resource "aws_iam_role_policy" "execution" {
  name   = "start-tasks"
  role   = aws_iam_role.execution.id
  policy = data.aws_iam_policy_document.execution.json
}

# Task roles: what the running code may do. Silos use every table; gateways (cluster clients) read the
# membership table for the gateway list and share the key ring. Both export telemetry. A transaction
# (membership insert and update, TransactWriteItems/TransactGetItems) is authorised per item action.
data "aws_iam_policy_document" "task" {
  statement {
    sid = "OrleansTablesAndKeyRing"
    actions = [
      "dynamodb:DescribeTable",
      "dynamodb:GetItem",
      "dynamodb:PutItem",
      "dynamodb:UpdateItem",
      "dynamodb:DeleteItem",
      "dynamodb:Query",
    ]
    resources = [
      aws_dynamodb_table.grain_state.arn,
      aws_dynamodb_table.membership.arn,
      aws_dynamodb_table.reminders.arn,
      "${aws_dynamodb_table.reminders.arn}/index/*",
      aws_dynamodb_table.key_ring.arn,
    ]
  }

  statement {
    sid       = "Traces"
    actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"]
    resources = ["*"]
  }

  statement {
    sid       = "MetricsAsEmbeddedFormat"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
    resources = ["${aws_cloudwatch_log_group.metrics.arn}:*"]
  }
}

resource "aws_iam_role" "task" {
  for_each           = toset(["gateway", "silo"])
  name               = "${local.name}-${each.key}-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy" "task" {
  for_each = aws_iam_role.task
  name     = "scheduler"
  role     = each.value.id
  policy   = data.aws_iam_policy_document.task.json
}
