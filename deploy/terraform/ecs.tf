resource "aws_ecs_cluster" "main" {
  name = local.name

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

locals {
  # The collector sidecar: receives OTLP on localhost:4317/4318 and exports traces to X-Ray and
  # metrics to CloudWatch (embedded metric format). Its configuration is deploy/otel/collector.yaml.
  otel_sidecar = {
    name      = "otel-collector"
    image     = var.otel_collector_image
    essential = false
    command   = ["--config=env:AOT_CONFIG_CONTENT"]
    environment = [
      { name = "AOT_CONFIG_CONTENT", value = file("${path.module}/../otel/collector.yaml") },
      { name = "AWS_REGION", value = var.region },
      { name = "METRICS_LOG_GROUP", value = aws_cloudwatch_log_group.metrics.name },
    ]
    logConfiguration = local.container_logs.otel
    healthCheck = {
      command     = ["/healthcheck"]
      interval    = 15
      timeout     = 5
      retries     = 3
      startPeriod = 10
    }
  }

  # awslogs settings of each container: its own log group, its streams prefixed with its key.
  container_logs = { for key, group in aws_cloudwatch_log_group.container : key => {
    logDriver = "awslogs"
    options   = { awslogs-group = group.name, awslogs-region = var.region, awslogs-stream-prefix = key }
  } }

  # What the gateway and silo containers share: both are essential, start after the collector, and
  # are probed for liveness on their own port with the same timing.
  app_container = {
    essential = true
    dependsOn = [{ containerName = "otel-collector", condition = "START" }]
  }
  liveness_timing = { interval = 15, timeout = 3, retries = 3, startPeriod = 20 }
}

resource "aws_ecs_task_definition" "gateway" {
  family                   = "${local.name}-gateway"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.gateway_cpu
  memory                   = var.gateway_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task["gateway"].arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    merge(local.app_container, {
      name         = "gateway"
      image        = var.gateway_image
      portMappings = [{ containerPort = local.gateway_port, protocol = "tcp" }]
      environment  = local.gateway_environment
      secrets      = local.gateway_secrets
      healthCheck = merge(local.liveness_timing, {
        command = ["CMD-SHELL", "curl -fsS http://localhost:${local.gateway_port}${local.health_live_path} || exit 1"]
      })
      logConfiguration = local.container_logs.gateway
    }),
    local.otel_sidecar,
  ])
}

resource "aws_ecs_task_definition" "silo" {
  family                   = "${local.name}-silo"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.silo_cpu
  memory                   = var.silo_memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task["silo"].arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64"
  }

  container_definitions = jsonencode([
    merge(local.app_container, {
      name  = "silo"
      image = var.silo_image
      portMappings = [
        { containerPort = local.silo_port, protocol = "tcp" },
        { containerPort = local.orleans_silo_port, protocol = "tcp" },
        { containerPort = local.orleans_gateway_port, protocol = "tcp" },
      ]
      environment  = local.silo_environment
      secrets      = local.silo_secrets
      healthCheck = merge(local.liveness_timing, {
        command = ["CMD-SHELL", "curl -fsS http://localhost:${local.silo_port}${local.health_live_path} || exit 1"]
      })
      # On SIGTERM Orleans stops the silo gracefully (deactivates its grains, marks itself dead in
      # the membership table) within Cluster:ShutdownTimeout (45 s by default); ECS must wait longer
      # before it sends SIGKILL.
      stopTimeout      = 60
      logConfiguration = local.container_logs.silo
    }),
    local.otel_sidecar,
  ])
}

resource "aws_ecs_service" "gateway" {
  name                              = "gateway"
  cluster                           = aws_ecs_cluster.main.id
  task_definition                   = aws_ecs_task_definition.gateway.arn
  desired_count                     = var.gateway_min_tasks
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 60
  enable_execute_command            = false

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.gateway.id]
    assign_public_ip = false
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.gateway.arn
    container_name   = "gateway"
    container_port   = local.gateway_port
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }

  depends_on = [aws_lb_listener.https]
}

resource "aws_ecs_service" "silo" {
  name                   = "silo"
  cluster                = aws_ecs_cluster.main.id
  task_definition        = aws_ecs_task_definition.silo.arn
  desired_count          = var.silo_min_tasks
  launch_type            = "FARGATE"
  enable_execute_command = false

  # Replace silos one at a time so the membership view changes gradually.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 150

  network_configuration {
    subnets          = aws_subnet.private[*].id
    security_groups  = [aws_security_group.silo.id]
    assign_public_ip = false
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  lifecycle {
    ignore_changes = [desired_count]
  }
}
