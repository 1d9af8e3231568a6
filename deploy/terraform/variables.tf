variable "region" {
  description = "AWS region of the deployment."
  type        = string
  default     = "eu-central-1"
}

variable "environment" {
  description = "Deployment name, used in resource names (for example prod, staging)."
  type        = string
  default     = "prod"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,15}$", var.environment))
    error_message = "environment must be lower-case letters, digits and dashes (2-16 characters, so that load balancer and target group names stay within 32)."
  }
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC; split into two public and two private subnets."
  type        = string
  default     = "10.40.0.0/16"
}

variable "single_nat_gateway" {
  description = "One NAT gateway for both private subnets (cheaper) instead of one per availability zone (survives an AZ loss)."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ACM certificate of the public HTTPS listener."
  type        = string
}

variable "gateway_image" {
  description = "Gateway image (built from deploy/docker/Gateway.Dockerfile), with tag or digest."
  type        = string
}

variable "silo_image" {
  description = "Silo image (built from deploy/docker/Silo.Dockerfile), with tag or digest."
  type        = string
}

variable "otel_collector_image" {
  description = "OpenTelemetry collector image run as a sidecar (the AWS distribution ships the X-Ray and EMF exporters)."
  type        = string
  default     = "public.ecr.aws/aws-observability/aws-otel-collector:v0.43.3"
}

variable "service_id" {
  description = "Cluster service id shared by every silo and gateway (Cluster:ServiceId); prefixes every grain state key."
  type        = string
  default     = "scheduler"
}

variable "cluster_id" {
  description = "Cluster id (Cluster:ClusterId): the silos and gateways that share one membership partition. A new id starts a new membership; grain state (keyed by service_id) carries over."
  type        = string
  default     = "default"
}

variable "membership_probe_timeout" {
  description = "How long a silo waits for a probe answer from the silos it watches (Cluster:Membership:ProbeTimeout, Orleans ClusterMembershipOptions, hh:mm:ss)."
  type        = string
  default     = "00:00:05"
}

variable "membership_missed_probes_limit" {
  description = "Consecutive missed probes after which a silo votes a watched silo dead (Cluster:Membership:NumMissedProbesLimit). With the probe timeout and the table refresh timeout it bounds how long calls to a crashed silo's grains wait; keep probe timeout x limit + refresh below Cluster:Messaging:ResponseTimeout."
  type        = string
  default     = "3"
}

variable "membership_table_refresh_timeout" {
  description = "How often each silo re-reads the membership table (Cluster:Membership:TableRefreshTimeout, hh:mm:ss)."
  type        = string
  default     = "00:00:05"
}

variable "membership_iamalive_publish_timeout" {
  description = "How often each silo writes its IAmAlive time to the table (Cluster:Membership:IAmAliveTablePublishTimeout, hh:mm:ss); silos whose IAmAlive is stale are not counted as voters."
  type        = string
  default     = "00:00:30"
}

variable "auth_issuer" {
  description = "JWT issuer (Auth:Issuer)."
  type        = string
  default     = "scheduler"
}

variable "auth_audience" {
  description = "JWT audience (Auth:Audience)."
  type        = string
  default     = "scheduler-api"
}

variable "public_url" {
  description = "The web app's public address as browsers open it (Links:BaseUrl), a DNS name the certificate covers, e.g. https://scheduler.example.com/; emails' links to book a time or accept an offer lead there. Empty: emails carry no such links."
  type        = string
  default     = ""
}

variable "smtp_host" {
  description = "SMTP relay host (Smtp:Host); empty leaves email notifications off."
  type        = string
  default     = ""
}

variable "smtp_user_name" {
  description = "SMTP user name (Smtp:UserName)."
  type        = string
  default     = ""
}

variable "smtp_from_address" {
  description = "Sender address of invitations (Smtp:FromAddress)."
  type        = string
  default     = "scheduler@example.com"
}

variable "gateway_cpu" {
  description = "Gateway task CPU units (1024 = 1 vCPU), shared by the app and the collector."
  type        = number
  default     = 1024
}

variable "gateway_memory" {
  description = "Gateway task memory (MiB)."
  type        = number
  default     = 2048
}

variable "silo_cpu" {
  description = "Silo task CPU units."
  type        = number
  default     = 1024
}

variable "silo_memory" {
  description = "Silo task memory (MiB)."
  type        = number
  default     = 2048
}

variable "gateway_min_tasks" {
  description = "Lower bound of the gateway service's autoscaling."
  type        = number
  default     = 2
}

variable "gateway_max_tasks" {
  description = "Upper bound of the gateway service's autoscaling."
  type        = number
  default     = 8
}

variable "silo_min_tasks" {
  description = "Lower bound of the silo service's autoscaling."
  type        = number
  default     = 3
}

variable "silo_max_tasks" {
  description = "Upper bound of the silo service's autoscaling."
  type        = number
  default     = 12
}

variable "gateway_requests_per_task" {
  description = "Target ALB requests per gateway task per minute for request-count scaling."
  type        = number
  default     = 60000
}

variable "cpu_target_percent" {
  description = "Target average CPU utilization of both services."
  type        = number
  default     = 60
}

variable "log_retention_days" {
  description = "Retention of the CloudWatch log groups."
  type        = number
  default     = 30
}
