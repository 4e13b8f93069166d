package dev.surge.deployer;

import dev.surge.deployer.entry.EntryCommand;
import io.fabric8.knative.client.KnativeClient;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code surge-deployer <command> <fn> [options]}. Every failure is one line on stderr and an exit
 * code from {@link DeployerException.Exit}.
 */
public final class Main {

  static final String USAGE =
      """
      usage: surge-deployer <command> <function> [options]
        deploy <fn> --image <ref> [--overlay knative/overlays/dev] [--timeout 300s]
               [--kafka-brokers host:port,...]  (needed by functions with KafkaSources)
        canary <fn> <percent> [--timeout 120s]
        promote <fn> [--timeout 120s]
        rollback <fn> [--timeout 120s]
        status <fn>
        entry nginx|gateway [options]  (the public entry from routes.yaml; entry --help)
      common: [--namespace surge]; cluster from KUBECONFIG / current context""";

  public static void main(String[] args) {
    System.exit(run(args, null, System.out, System.err));
  }

  /** Entry point for tests: {@code kn} non-null means "use this client" (the mock server's). */
  public static int run(String[] args, KnativeClient kn, PrintStream out, PrintStream err) {
    if (args.length > 0 && args[0].equals("entry")) {
      // Renders files only: no cluster, no function argument.
      return EntryCommand.run(List.of(args).subList(1, args.length), out, err);
    }
    try {
      Args a = Args.parse(args);
      if (kn == null) {
        // Few, short retries: a missing cluster should fail in seconds, not after fabric8's
        // default ten exponential back-offs.
        Config config =
            new ConfigBuilder(Config.autoConfigure(null))
                .withRequestRetryBackoffLimit(1)
                .withConnectionTimeout(5_000)
                .build();
        try (var client = new KubernetesClientBuilder().withConfig(config).build()) {
          return execute(a, client.adapt(KnativeClient.class), out, Duration.ofSeconds(2));
        }
      }
      return execute(a, kn, out, Duration.ofMillis(50));
    } catch (DeployerException e) {
      err.println("surge-deployer: error: " + e.getMessage());
      return e.exit().code;
    } catch (RuntimeException e) {
      err.println("surge-deployer: internal error: " + e);
      return DeployerException.Exit.INTERNAL.code;
    }
  }

  private static int execute(Args a, KnativeClient kn, PrintStream out, Duration poll) {
    switch (a.command) {
      case "deploy" ->
          new Deployer(kn, a.namespace, out, poll)
              .deploy(
                  a.fn,
                  Path.of(a.overlay),
                  a.required("--image", a.image),
                  a.kafkaBrokers,
                  a.timeout);
      case "canary" -> new Release(kn, a.namespace, out, poll).canary(a.fn, a.percent(), a.timeout);
      case "promote" -> new Release(kn, a.namespace, out, poll).promote(a.fn, a.timeout);
      case "rollback" -> new Release(kn, a.namespace, out, poll).rollback(a.fn, a.timeout);
      case "status" -> new Status(kn, a.namespace, out).print(a.fn);
      default -> throw DeployerException.usage("unknown command '" + a.command + "'\n" + USAGE);
    }
    return 0;
  }

  /** Hand-rolled parsing: five commands and five options do not justify a CLI library. */
  static final class Args {
    String command, fn, image, overlay = "knative/overlays/dev", namespace = "surge";
    Duration timeout;
    List<String> kafkaBrokers = List.of();
    List<String> positional = new java.util.ArrayList<>();

    static Args parse(String[] argv) {
      Deque<String> q = new ArrayDeque<>(List.of(argv));
      Args a = new Args();
      while (!q.isEmpty()) {
        String s = q.poll();
        switch (s) {
          case "--image" -> a.image = value(q, s);
          case "--overlay" -> a.overlay = value(q, s);
          case "--namespace" -> a.namespace = value(q, s);
          case "--timeout" -> a.timeout = duration(value(q, s));
          case "--kafka-brokers" -> a.kafkaBrokers = brokers(value(q, s));
          case "-h", "--help" -> throw DeployerException.usage(USAGE);
          default -> {
            if (s.startsWith("--")) {
              throw DeployerException.usage("unknown option " + s + "\n" + USAGE);
            }
            a.positional.add(s);
          }
        }
      }
      if (a.positional.size() < 2) {
        throw DeployerException.usage("missing command or function\n" + USAGE);
      }
      a.command = a.positional.get(0);
      a.fn = a.positional.get(1);
      if (a.timeout == null) {
        a.timeout = Duration.ofSeconds("deploy".equals(a.command) ? 300 : 120);
      }
      return a;
    }

    int percent() {
      if (positional.size() != 3 || !positional.get(2).matches("\\d{1,3}")) {
        throw DeployerException.usage("usage: canary <fn> <percent 1..99>");
      }
      return Integer.parseInt(positional.get(2));
    }

    String required(String option, String value) {
      if (value == null) {
        throw DeployerException.usage(command + " needs " + option);
      }
      return value;
    }

    private static String value(Deque<String> q, String option) {
      if (q.isEmpty()) {
        throw DeployerException.usage(option + " needs a value");
      }
      return q.poll();
    }

    /** "b-1.example:9096,b-2.example:9096", as Terraform's kafka_bootstrap_brokers prints it. */
    static List<String> brokers(String s) {
      List<String> list = List.of(s.trim().split("\\s*,\\s*"));
      for (String b : list) {
        if (!b.matches("[A-Za-z0-9.-]+:\\d{1,5}")) {
          throw DeployerException.usage(
              "bad --kafka-brokers entry '" + b + "' (use host:port,...)");
        }
      }
      return list;
    }

    /** "90s", "5m" or "1h". */
    static Duration duration(String s) {
      if (!s.matches("\\d+[smh]")) {
        throw DeployerException.usage("bad --timeout '" + s + "' (use e.g. 90s, 5m)");
      }
      long n = Long.parseLong(s.substring(0, s.length() - 1));
      return switch (s.charAt(s.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
  }
}
