locals {
  name = "scheduler-${var.environment}"

  # Ports and health routes of the hosts (Gateway: GatewayOptions.DefaultUrl; Silo: Silo/appsettings.json
  # for health checks, SiloOptions.DefaultSiloPort for grain calls over HTTP/2 from gateways and silos).
  gateway_port      = 5080
  silo_port         = 5090
  silo_call_port    = 5091
  health_live_path  = "/health/live"
  health_ready_path = "/health/ready"

  # Table names as DynamoDbOptions derives them from TablePrefix.
  grain_state_table_name = "${var.table_prefix}grain-state"
  reminders_table_name   = "${var.table_prefix}reminders"
  membership_table_name  = "${var.table_prefix}membership"

  otlp_endpoint = "http://localhost:4317"

  # Configuration shared by both hosts (ASP.NET Core configuration keys, ':' written as '__').
  common_environment = [
    { name = "ASPNETCORE_ENVIRONMENT", value = "Production" },
    { name = "Scheduler__DataDirectory", value = "/app/data" },
    { name = "Cluster__ServiceId", value = var.service_id },
    { name = "Cluster__ClusterId", value = var.cluster_id },
    { name = "Cluster__CallTimeout", value = "00:00:30" },
    { name = "Cluster__IdleTimeout", value = "00:15:00" },
    { name = "Cluster__Provider", value = "DynamoDB" },
    { name = "Cluster__DynamoDB__Region", value = var.region },
    { name = "Cluster__DynamoDB__TablePrefix", value = var.table_prefix },
    { name = "Cluster__DynamoDB__CreateTables", value = "false" },
    { name = "Cluster__Membership__IAmAlivePeriod", value = var.membership_iamalive_period },
    { name = "Cluster__Membership__TableRefreshPeriod", value = var.membership_refresh_period },
    { name = "Cluster__Membership__DeathThreshold", value = var.membership_death_threshold },
    { name = "Smtp__Host", value = var.smtp_host },
    { name = "Smtp__UserName", value = var.smtp_user_name },
    { name = "Smtp__FromAddress", value = var.smtp_from_address },
    { name = "OTEL_EXPORTER_OTLP_ENDPOINT", value = local.otlp_endpoint },
    { name = "OTEL_EXPORTER_OTLP_PROTOCOL", value = "grpc" },
  ]

  gateway_environment = concat(local.common_environment, [
    { name = "ASPNETCORE_URLS", value = "http://+:${local.gateway_port}" },
    # Gateways host no silo: they read membership and send every grain call to the owning silo.
    { name = "Scheduler__ClusterClient", value = "true" },
    { name = "Auth__Issuer", value = var.auth_issuer },
    { name = "Auth__Audience", value = var.auth_audience },
    { name = "OTEL_SERVICE_NAME", value = "scheduler-gateway" },
  ])

  silo_environment = concat(local.common_environment, [
    { name = "ASPNETCORE_URLS", value = "http://+:${local.silo_port}" },
    # Silo/appsettings.json sets Urls, which overrides ASPNETCORE_URLS; the unprefixed variable wins over both.
    { name = "Urls", value = "http://+:${local.silo_port}" },
    # Cluster:AdvertisedEndpoint is left unset: the silo reads its task's address from the ECS
    # task metadata (ECS_CONTAINER_METADATA_URI_V4) and advertises http://{address}:silo_call_port/.
    { name = "OTEL_SERVICE_NAME", value = "scheduler-silo" },
  ])

  # Secrets Manager values injected by the ECS agent (never plain environment values).
  gateway_secrets = [
    { name = "Auth__SigningKey", valueFrom = aws_secretsmanager_secret.jwt_signing_key.arn },
    { name = "Slack__SigningSecret", valueFrom = aws_secretsmanager_secret.slack_signing_secret.arn },
    { name = "Slack__BotToken", valueFrom = aws_secretsmanager_secret.slack_bot_token.arn },
    { name = "Smtp__Password", valueFrom = aws_secretsmanager_secret.smtp_password.arn },
  ]

  silo_secrets = [
    { name = "Slack__BotToken", valueFrom = aws_secretsmanager_secret.slack_bot_token.arn },
    { name = "Smtp__Password", valueFrom = aws_secretsmanager_secret.smtp_password.arn },
  ]
}
