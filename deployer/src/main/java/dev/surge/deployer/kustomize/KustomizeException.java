package dev.surge.deployer.kustomize;

/** A kustomization the {@link Renderer} cannot render: a broken file or an unsupported feature. */
public final class KustomizeException extends RuntimeException {
  public KustomizeException(String message) {
    super(message);
  }
}
