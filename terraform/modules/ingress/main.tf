# Public entry: an internet-facing NLB terminating TLS (ACM) and forwarding to the Kourier gateway
# pods, bound by the AWS Load Balancer Controller's TargetGroupBinding. Terraform owns the NLB,
# so its DNS name is known at plan time and the wildcard record needs no second apply.
terraform {
  required_providers {
    aws  = { source = "hashicorp/aws", version = ">= 5.84.0" }
    helm = { source = "hashicorp/helm", version = ">= 2.17.0" }
  }
}

module "lb_controller_irsa" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role-for-service-accounts-eks"
  version = "5.48.0"

  role_name                              = "${var.name}-aws-lb-controller"
  attach_load_balancer_controller_policy = true
  oidc_providers = {
    main = {
      provider_arn               = var.oidc_provider_arn
      namespace_service_accounts = ["kube-system:aws-load-balancer-controller"]
    }
  }
}

resource "helm_release" "aws_lb_controller" {
  name       = "aws-load-balancer-controller"
  namespace  = "kube-system"
  repository = "https://aws.github.io/eks-charts"
  chart      = "aws-load-balancer-controller"
  version    = var.lb_controller_chart_version
  wait       = true

  values = [yamlencode({
    clusterName = var.cluster_name
    vpcId       = var.vpc_id
    serviceAccount = {
      name        = "aws-load-balancer-controller"
      annotations = { "eks.amazonaws.com/role-arn" = module.lb_controller_irsa.iam_role_arn }
    }
  })]
}

locals {
  # The certificate must cover exactly the names the wildcard records point at the NLB.
  wildcards = ["*.${var.domain}", "*.surge.${var.domain}"]
}

data "aws_route53_zone" "this" {
  name = var.zone_name
  lifecycle {
    # Route53 refuses records outside the zone: the wildcards below must fall inside it.
    precondition {
      condition     = var.domain == var.zone_name || endswith(var.domain, ".${var.zone_name}")
      error_message = "domain must be zone_name or a name inside it."
    }
  }
}

resource "aws_acm_certificate" "wildcard" {
  domain_name               = var.domain
  subject_alternative_names = local.wildcards
  validation_method         = "DNS"
  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_route53_record" "validation" {
  for_each = {
    for o in aws_acm_certificate.wildcard.domain_validation_options : o.domain_name => o
  }
  zone_id         = data.aws_route53_zone.this.zone_id
  name            = each.value.resource_record_name
  type            = each.value.resource_record_type
  records         = [each.value.resource_record_value]
  ttl             = 300
  allow_overwrite = true
}

resource "aws_acm_certificate_validation" "wildcard" {
  certificate_arn         = aws_acm_certificate.wildcard.arn
  validation_record_fqdns = [for r in aws_route53_record.validation : r.fqdn]
}

resource "aws_security_group" "nlb" {
  name_prefix = "${var.name}-nlb-"
  description = "Public HTTPS into the Knative ingress"
  vpc_id      = var.vpc_id

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = var.allowed_cidrs
  }
  egress {
    description = "To Kourier pods"
    from_port   = 8080
    to_port     = 8080
    protocol    = "tcp"
    cidr_blocks = [var.vpc_cidr]
  }
}

resource "aws_lb" "public" {
  name               = "${var.name}-ingress"
  load_balancer_type = "network"
  internal           = false
  subnets            = var.public_subnet_ids
  security_groups    = [aws_security_group.nlb.id]
}

resource "aws_lb_target_group" "kourier" {
  name        = "${var.name}-kourier"
  port        = 8080
  protocol    = "TCP"
  target_type = "ip"
  vpc_id      = var.vpc_id
  health_check {
    protocol = "TCP"
  }
}

resource "aws_lb_listener" "https" {
  load_balancer_arn = aws_lb.public.arn
  port              = 443
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn   = aws_acm_certificate_validation.wildcard.certificate_arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.kourier.arn
  }
}

resource "helm_release" "kourier_binding" {
  name      = "kourier-binding"
  namespace = "kourier-system"
  chart     = "${path.module}/charts/kourier-binding"
  values = [yamlencode({
    targetGroupArn  = aws_lb_target_group.kourier.arn
    securityGroupId = aws_security_group.nlb.id
  })]
  depends_on = [helm_release.aws_lb_controller]
}

# The public entry's Gateway API implementation (knative/README.md says why Envoy Gateway): its
# controller reconciles knative/gateway/ (GatewayClass surge-entry, the Gateway, its policies) and
# the HTTPRoutes `surge-deployer entry gateway` renders from shared-model's surge/routes.yaml. The
# chart brings the Gateway API CRDs; the Gateway's own load balancer is created by the AWS Load
# Balancer Controller above. The per-function hosts of the NLB below keep working beside it.
resource "helm_release" "envoy_gateway" {
  name             = "eg"
  namespace        = "envoy-gateway-system"
  create_namespace = true
  repository       = "oci://docker.io/envoyproxy"
  chart            = "gateway-helm"
  version          = var.envoy_gateway_version
  wait             = true
  depends_on       = [helm_release.aws_lb_controller]
}

resource "aws_route53_record" "wildcard" {
  for_each = toset(local.wildcards)
  zone_id  = data.aws_route53_zone.this.zone_id
  name     = each.value
  type     = "A"
  alias {
    name                   = aws_lb.public.dns_name
    zone_id                = aws_lb.public.zone_id
    evaluate_target_health = false
  }
}

output "load_balancer_dns_name" {
  description = "DNS name of the public NLB."
  value       = aws_lb.public.dns_name
}

output "base_url" {
  description = "Functions answer at https://<function>.surge.<domain>."
  value       = "https://surge.${var.domain}"
}
