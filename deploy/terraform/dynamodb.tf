# The tables of the Orleans DynamoDB adapters (Providers/Scheduler.Providers.DynamoDB), in the layouts and
# with the names of the official Orleans DynamoDB providers (docs/DYNAMODB-SCHEMAS.md), plus the Data
# Protection key ring. Terraform creates them; the hosts only check them (Cluster:DynamoDB:CreateIfNotExists
# is false). On-demand capacity. No TTL: the grain storage writes GrainTtl only when a TimeToLive is
# configured, which it is not; holds expire inside grain state, dead silos' rows are cleaned by Orleans.

resource "aws_dynamodb_table" "grain_state" {
  name                        = local.grain_state_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "GrainReference"
  range_key                   = "GrainType"
  deletion_protection_enabled = true

  attribute {
    name = "GrainReference"
    type = "S"
  }

  attribute {
    name = "GrainType"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "membership" {
  name                        = local.membership_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "DeploymentId"
  range_key                   = "SiloIdentity"
  deletion_protection_enabled = true

  attribute {
    name = "DeploymentId"
    type = "S"
  }

  attribute {
    name = "SiloIdentity"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "reminders" {
  name                        = local.reminders_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "ReminderId"
  range_key                   = "GrainHash"
  deletion_protection_enabled = true

  attribute {
    name = "ReminderId"
    type = "S"
  }

  attribute {
    name = "GrainHash"
    type = "N"
  }

  attribute {
    name = "ServiceId"
    type = "S"
  }

  attribute {
    name = "GrainReference"
    type = "S"
  }

  # A silo's ring ranges.
  global_secondary_index {
    name            = "ServiceIdIndex"
    hash_key        = "ServiceId"
    range_key       = "GrainHash"
    projection_type = "ALL"
  }

  # One grain's reminders.
  global_secondary_index {
    name            = "ServiceIdGrainReferenceIndex"
    hash_key        = "ServiceId"
    range_key       = "GrainReference"
    projection_type = "ALL"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

resource "aws_dynamodb_table" "key_ring" {
  name                        = local.key_ring_table_name
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "ServiceId"
  range_key                   = "FriendlyName"
  deletion_protection_enabled = true

  attribute {
    name = "ServiceId"
    type = "S"
  }

  attribute {
    name = "FriendlyName"
    type = "S"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}
