package dev.surge.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits for a function's consumer group to work off what is already on its topics.
 *
 * <p>The topics are shared by every module's tests (and by local benchmarks): when a function's
 * tests start, its group may first have to read thousands of earlier records. The tests assert
 * latencies from a caught-up consumer, so they wait for that here, once, instead of stretching
 * every timeout.
 */
public final class Consumers {
  private static final String BOOTSTRAP = "127.0.0.1:9092";

  private Consumers() {}

  /**
   * Blocks until the group has committed, on every partition of the topics, at least the end offset
   * the partition had when this was called.
   */
  public static void awaitCaughtUp(String group, Duration timeout, String... topics) {
    long behind;
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
      Map<TopicPartition, Long> ends = endOffsets(admin, List.of(topics));
      long deadline = System.nanoTime() + timeout.toNanos();
      while ((behind = behind(admin, group, ends)) > 0 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (Exception e) {
      throw new IllegalStateException("could not read the offsets of " + group, e);
    }
    if (behind > 0) {
      throw new IllegalStateException(
          "consumer group " + group + " still " + behind + " records behind after " + timeout);
    }
  }

  private static long behind(Admin admin, String group, Map<TopicPartition, Long> ends)
      throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    long behind = 0;
    for (var end : ends.entrySet()) {
      OffsetAndMetadata at = committed.get(end.getKey());
      behind += Math.max(0, end.getValue() - (at == null ? 0 : at.offset()));
    }
    return behind;
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics)
      throws Exception {
    Map<String, TopicDescription> described =
        admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
    Map<TopicPartition, OffsetSpec> latest =
        described.values().stream()
            .flatMap(
                d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
            .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
    return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
  }
}
