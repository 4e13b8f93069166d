import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Dev-only Kafka helper for dev/platform, run by the Java source launcher with the broker's jars on
 * the class path (kafka-tools is not published for 4.4.0, so there is no kafka-topics tool):
 *
 * <pre>
 *   java -cp 'libs/*' dev/KafkaAdmin.java create 127.0.0.1:9092 shared-model/src/main/resources/surge/topics.yaml
 *   java -cp 'libs/*' dev/KafkaAdmin.java list 127.0.0.1:9092
 *   java -cp 'libs/*' dev/KafkaAdmin.java lag 127.0.0.1:9092 feed
 * </pre>
 *
 * <p>{@code create} makes the local broker hold every topic of topics.yaml (the one file that
 * declares them) and every consumer's dead-letter topic {@code <topic>.<consumer>.dlt}, with their
 * {@code local} partitions. It is idempotent: it creates missing topics and adds partitions to
 * topics that have fewer (Kafka cannot remove partitions, so it never shrinks).
 */
public class KafkaAdmin {
  private static final String TAG = "[platform] kafka: ";
  /** The partitions key of topics.yaml for the single local broker. */
  private static final String ENVIRONMENT = "local";

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || (!args[0].equals("list") && args.length < 3)) {
      System.err.println(
          "usage: KafkaAdmin create <bootstrap> <topics.yaml> | list <bootstrap>"
              + " | lag <bootstrap> <group>");
      System.exit(2);
    }
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
    // A broker that has just opened its port may still be electing its controller: let the
    // client retry for a while instead of failing the first call.
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 60_000);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    try (Admin admin = Admin.create(config)) {
      switch (args[0]) {
        case "create" -> create(admin, readTopics(Path.of(args[2])));
        case "list" ->
            admin.listTopics().names().get().stream().sorted().forEach(System.out::println);
        case "lag" -> System.out.println(lag(admin, args[2]));
        default -> {
          System.err.println("unknown command: " + args[0]);
          System.exit(2);
        }
      }
    }
  }

  /** Topic name => local partitions: each declared topic, then its consumers' dead letters. */
  static Map<String, Integer> readTopics(Path file) throws Exception {
    JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    JsonNode deadLetters = root.path("dead_letters").path("partitions");
    Map<String, Integer> topics = new LinkedHashMap<>();
    Map<String, Integer> dlts = new LinkedHashMap<>();
    for (var topic : root.path("topics").properties()) {
      String name = topic.getKey();
      topics.put(name, partitions(file, name, topic.getValue().path("partitions")));
      for (JsonNode consumer : topic.getValue().path("consumers")) {
        String dlt = name + "." + consumer.asText() + ".dlt";
        dlts.put(dlt, partitions(file, "dead_letters", deadLetters));
      }
    }
    if (topics.isEmpty()) {
      throw new IllegalArgumentException(file + ": no topics");
    }
    topics.putAll(dlts);
    return topics;
  }

  private static int partitions(Path file, String owner, JsonNode partitions) {
    JsonNode local = partitions.path(ENVIRONMENT);
    if (!local.canConvertToInt() || local.asInt() < 1) {
      throw new IllegalArgumentException(
          file + ": " + owner + " needs partitions." + ENVIRONMENT + " (a whole number >= 1)");
    }
    return local.asInt();
  }

  static void create(Admin admin, Map<String, Integer> wanted) throws Exception {
    var existing = admin.listTopics().names().get();
    List<NewTopic> missing = new ArrayList<>();
    wanted.forEach(
        (name, partitions) -> {
          if (!existing.contains(name)) {
            missing.add(new NewTopic(name, partitions, (short) 1));
          }
        });
    for (var entry : admin.createTopics(missing).values().entrySet()) {
      try {
        entry.getValue().get();
        System.out.println(TAG + "topic " + entry.getKey() + " created");
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) { // lost a race: fine
          throw e;
        }
      }
    }
    List<String> present = wanted.keySet().stream().filter(existing::contains).toList();
    Map<String, NewPartitions> grow = new LinkedHashMap<>();
    admin
        .describeTopics(present)
        .allTopicNames()
        .get()
        .forEach(
            (name, description) -> {
              if (description.partitions().size() < wanted.get(name)) {
                grow.put(name, NewPartitions.increaseTo(wanted.get(name)));
              }
            });
    if (!grow.isEmpty()) {
      admin.createPartitions(grow).all().get();
      grow.keySet().forEach(name -> System.out.println(TAG + "topic " + name + " grown"));
    }
    System.out.println(
        TAG + "topics ok (" + wanted.size() + " listed, " + missing.size() + " created)");
  }

  /** Records of the group's topics not yet committed by the group, over all its partitions. */
  static long lag(Admin admin, String group) throws Exception {
    var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
    committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    var ends = admin.listOffsets(latest).all().get();
    long lag = 0;
    for (var entry : committed.entrySet()) {
      long at = entry.getValue() == null ? 0 : entry.getValue().offset();
      lag += Math.max(0, ends.get(entry.getKey()).offset() - at);
    }
    return lag;
  }
}
