locals {
  # Task counts of each service: desired count moves between these bounds.
  scaled_services = {
    gateway = { service = aws_ecs_service.gateway.name, min = var.gateway_min_tasks, max = var.gateway_max_tasks }
    silo    = { service = aws_ecs_service.silo.name, min = var.silo_min_tasks, max = var.silo_max_tasks }
  }

  # Target tracking per service. Gateways scale on CPU and on requests per task; silos scale on CPU only, and
  # scale in slowly: every membership change moves activations and reminder buckets.
  scaling_policies = {
    gateway_cpu      = { service = "gateway", target = var.cpu_target_percent, scale_in = 300, scale_out = 60, metric = "ECSServiceAverageCPUUtilization", label = null }
    gateway_requests = { service = "gateway", target = var.gateway_requests_per_task, scale_in = 300, scale_out = 60, metric = "ALBRequestCountPerTarget", label = "${aws_lb.gateway.arn_suffix}/${aws_lb_target_group.gateway.arn_suffix}" }
    silo_cpu         = { service = "silo", target = var.cpu_target_percent, scale_in = 600, scale_out = 120, metric = "ECSServiceAverageCPUUtilization", label = null }
  }
}

resource "aws_appautoscaling_target" "service" {
  for_each           = local.scaled_services
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.main.name}/${each.value.service}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = each.value.min
  max_capacity       = each.value.max
}

resource "aws_appautoscaling_policy" "service" {
  for_each           = local.scaling_policies
  name               = "${local.name}-${replace(each.key, "_", "-")}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service[each.value.service].service_namespace
  resource_id        = aws_appautoscaling_target.service[each.value.service].resource_id
  scalable_dimension = aws_appautoscaling_target.service[each.value.service].scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = each.value.target
    scale_in_cooldown  = each.value.scale_in
    scale_out_cooldown = each.value.scale_out

    predefined_metric_specification {
      predefined_metric_type = each.value.metric
      resource_label         = each.value.label
    }
  }
}
