package dev.surge.deployer;

import java.util.regex.Pattern;

/**
 * Validates an OCI image reference before anything reaches the cluster: a typo would otherwise only
 * surface minutes later as a revision stuck in ImagePullBackOff.
 *
 * <p>Grammar (simplified from the distribution reference spec): {@code
 * [registry[:port]/]path[:tag][@sha256:digest]}, lower-case path components, and a tag or digest is
 * required: a bare or {@code :latest} reference is mutable, so a rollback could not reproduce what
 * ran.
 */
public record ImageRef(String registry, String repository, String tag, String digest) {

  private static final String COMPONENT = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
  private static final String HOST =
      "(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*"
          + "(?::[0-9]+)?)";
  private static final Pattern REFERENCE =
      Pattern.compile(
          "^(?:(?<registry>"
              + HOST
              + ")/)?(?<repo>"
              + COMPONENT
              + "(?:/"
              + COMPONENT
              + ")*)(?::(?<tag>[\\w][\\w.-]{0,127}))?(?:@(?<digest>sha256:[a-f0-9]{64}))?$");

  public static ImageRef parse(String reference) {
    if (reference == null || reference.isBlank()) {
      throw bad(reference, "it is empty");
    }
    var m = REFERENCE.matcher(reference);
    if (!m.matches()) {
      throw bad(reference, "it is not a valid image reference");
    }
    String registry = m.group("registry");
    String repo = m.group("repo");
    // "surge/users" parses as registry "surge": a registry must look like a host (dot, port or
    // localhost), otherwise the first component belongs to the repository, as Docker resolves it.
    if (registry != null
        && !registry.contains(".")
        && !registry.contains(":")
        && !registry.equals("localhost")) {
      repo = registry + "/" + repo;
      registry = null;
    }
    String tag = m.group("tag");
    String digest = m.group("digest");
    if (tag == null && digest == null) {
      throw bad(reference, "it has neither a tag nor a digest");
    }
    if ("latest".equals(tag) && digest == null) {
      throw bad(reference, "':latest' is mutable; push and deploy an immutable tag or a digest");
    }
    return new ImageRef(registry, repo, tag, digest);
  }

  /** The last path component: {@code <registry>/surge/users:1.2} is the image of "users". */
  public String name() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  private static DeployerException bad(String reference, String why) {
    return new DeployerException(
        DeployerException.Exit.BAD_IMAGE, "bad image reference '" + reference + "': " + why);
  }
}
