output "gateway_url" {
  description = "Public HTTPS address of the gateways (point a DNS name covered by the certificate at it)."
  value       = "https://${aws_lb.gateway.dns_name}"
}

output "cluster_name" {
  description = "ECS cluster."
  value       = aws_ecs_cluster.main.name
}

output "grain_state_table" {
  description = "Grain state table (official Orleans layout, OrleansGrainState)."
  value       = aws_dynamodb_table.grain_state.name
}

output "reminders_table" {
  description = "Reminder table (official Orleans layout, OrleansReminders)."
  value       = aws_dynamodb_table.reminders.name
}

output "membership_table" {
  description = "Membership table (official Orleans layout, OrleansSilos)."
  value       = aws_dynamodb_table.membership.name
}

output "provider_secret_arns" {
  description = "Secrets whose values operators put before the first deployment."
  value = {
    slack_bot_token      = aws_secretsmanager_secret.slack_bot_token.arn
    slack_signing_secret = aws_secretsmanager_secret.slack_signing_secret.arn
    smtp_password        = aws_secretsmanager_secret.smtp_password.arn
  }
}

output "key_ring_table" {
  description = "Data Protection key ring table shared by silos and gateways."
  value       = aws_dynamodb_table.key_ring.name
}
