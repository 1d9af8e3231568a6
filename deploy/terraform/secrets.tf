# The JWT signing key is generated here (HS256 needs at least 32 bytes; 64 characters are used).
# Provider secrets are created empty-handed: operators put their values with
# `aws secretsmanager put-secret-value`, and Terraform never sees or overwrites them.

resource "random_password" "jwt_signing_key" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "jwt_signing_key" {
  name                    = "${local.name}/auth/signing-key"
  description             = "HS256 signing key of the gateway's bearer tokens (Auth:SigningKey)."
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret_version" "jwt_signing_key" {
  secret_id     = aws_secretsmanager_secret.jwt_signing_key.id
  secret_string = random_password.jwt_signing_key.result
}

resource "aws_secretsmanager_secret" "slack_bot_token" {
  name                    = "${local.name}/slack/bot-token"
  description             = "Slack bot token (Slack:BotToken)."
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret" "slack_signing_secret" {
  name                    = "${local.name}/slack/signing-secret"
  description             = "Slack request signing secret (Slack:SigningSecret)."
  recovery_window_in_days = 7
}

resource "aws_secretsmanager_secret" "smtp_password" {
  name                    = "${local.name}/smtp/password"
  description             = "SMTP relay password (Smtp:Password)."
  recovery_window_in_days = 7
}
