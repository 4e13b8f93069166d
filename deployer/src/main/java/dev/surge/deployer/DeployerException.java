package dev.surge.deployer;

/**
 * A failure the operator can act on. Each carries the process exit code, so scripts and CI can tell
 * "fix your arguments" from "the cluster is gone" from "the new revision does not start".
 */
public final class DeployerException extends RuntimeException {

  /** Exit codes; documented in deployer/README.md. Keep them stable: pipelines branch on them. */
  public enum Exit {
    OK(0),
    INTERNAL(1),
    USAGE(2),
    BAD_IMAGE(3),
    NO_CLUSTER(4),
    NOT_READY(5),
    BAD_STATE(6);

    public final int code;

    Exit(int code) {
      this.code = code;
    }
  }

  private final Exit exit;

  public DeployerException(Exit exit, String message) {
    super(message);
    this.exit = exit;
  }

  public DeployerException(Exit exit, String message, Throwable cause) {
    super(message, cause);
    this.exit = exit;
  }

  public Exit exit() {
    return exit;
  }

  public static DeployerException usage(String message) {
    return new DeployerException(Exit.USAGE, message);
  }

  public static DeployerException state(String message) {
    return new DeployerException(Exit.BAD_STATE, message);
  }
}
