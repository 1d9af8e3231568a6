locals {
  name = "scheduler-${var.environment}"

  # Ports and health routes of the hosts (Gateway: GatewayOptions.DefaultUrl; Silo: Silo/appsettings.json
  # for health checks). Orleans' own TCP ports on every silo (ClusterSettings defaults): silo-to-silo
  # traffic on orleans_silo_port, cluster clients (the gateway tasks) on orleans_gateway_port.
  gateway_port         = 5080
  silo_port            = 5090
  orleans_silo_port    = 11111
  orleans_gateway_port = 30000
  health_live_path     = "/health/live"
  health_ready_path    = "/health/ready"

  # The official Orleans DynamoDB providers' default table names (and the key ring's), which the
  # adapters use: one set of tables per account and region, shared by service id and cluster id.
  grain_state_table_name = "OrleansGrainState"
  membership_table_name  = "OrleansSilos"
  reminders_table_name   = "OrleansReminders"
  key_ring_table_name    = "SchedulerDataProtectionKeys"

  otlp_endpoint = "http://localhost:4317"

  # Configuration shared by both hosts (ASP.NET Core configuration keys, ':' written as '__').
  common_environment = [
    { name = "ASPNETCORE_ENVIRONMENT", value = "Production" },
    { name = "Scheduler__DataDirectory", value = "/app/data" },
    { name = "Cluster__ServiceId", value = var.service_id },
    { name = "Cluster__ClusterId", value = var.cluster_id },
    { name = "Cluster__Messaging__ResponseTimeout", value = "00:00:30" },
    { name = "Cluster__Provider", value = "DynamoDB" },
    { name = "Cluster__DynamoDB__Region", value = var.region },
    { name = "Cluster__DynamoDB__CreateIfNotExists", value = "false" },
    { name = "Smtp__Host", value = var.smtp_host },
    { name = "Smtp__UserName", value = var.smtp_user_name },
    { name = "Smtp__FromAddress", value = var.smtp_from_address },
    { name = "Links__BaseUrl", value = var.public_url },
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
    # Orleans' ports; Cluster:AdvertisedIPAddress is left unset: the silo reads its task's address
    # from the ECS task metadata (ECS_CONTAINER_METADATA_URI_V4) and advertises it on these ports.
    { name = "Cluster__SiloPort", value = "${local.orleans_silo_port}" },
    { name = "Cluster__GatewayPort", value = "${local.orleans_gateway_port}" },
    { name = "Cluster__Collection__CollectionAge", value = "00:15:00" },
    # Failure detection (Orleans ClusterMembershipOptions): only silos probe, vote and refresh the table.
    { name = "Cluster__Membership__ProbeTimeout", value = var.membership_probe_timeout },
    { name = "Cluster__Membership__NumMissedProbesLimit", value = var.membership_missed_probes_limit },
    { name = "Cluster__Membership__TableRefreshTimeout", value = var.membership_table_refresh_timeout },
    { name = "Cluster__Membership__IAmAliveTablePublishTimeout", value = var.membership_iamalive_publish_timeout },
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
