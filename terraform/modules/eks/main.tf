# EKS cluster with one managed node group, then Knative Serving (Kourier ingress) and Knative
# Eventing with the Kafka source, installed through the Knative Operator's Helm chart and a small
# local chart holding the KnativeServing/KnativeEventing resources (a chart rather than
# kubernetes_manifest, because the operator's CRDs do not exist yet at plan time).
terraform {
  required_providers {
    aws  = { source = "hashicorp/aws", version = ">= 5.84.0" }
    helm = { source = "hashicorp/helm", version = ">= 2.17.0" }
  }
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.33.1"

  cluster_name                             = var.name
  cluster_version                          = var.kubernetes_version
  vpc_id                                   = var.vpc_id
  subnet_ids                               = var.subnet_ids
  cluster_endpoint_public_access           = true
  enable_cluster_creator_admin_permissions = true
  enable_irsa                              = true

  cluster_addons = {
    coredns    = {}
    kube-proxy = {}
    vpc-cni    = {}
  }

  eks_managed_node_groups = {
    functions = {
      instance_types = var.node_instance_types
      min_size       = var.node_min_size
      max_size       = var.node_max_size
      desired_size   = var.node_min_size
    }
  }
}

resource "helm_release" "knative_operator" {
  name             = "knative-operator"
  namespace        = "knative-operator"
  create_namespace = true
  repository       = "https://knative.github.io/operator"
  chart            = "knative-operator"
  version          = var.knative_version
  wait             = true

  depends_on = [module.eks]
}

resource "helm_release" "knative_config" {
  name      = "knative-config"
  namespace = "knative-operator"
  chart     = "${path.module}/charts/knative-config"
  wait      = true

  values = [yamlencode({
    knativeVersion = var.knative_version
    domain         = var.domain
    # Kourier as a ClusterIP service: the NLB of the ingress module targets its pods directly.
    ingressServiceType = "ClusterIP"
  })]

  depends_on = [helm_release.knative_operator]
}
