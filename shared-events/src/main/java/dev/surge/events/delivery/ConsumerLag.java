package dev.surge.events.delivery;

import dev.surge.events.EventsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code surge.events.consumer.lag{group,topic}}: end offset minus committed offset, summed over
 * partitions, for this function's consumer group. Read from the broker, so it is right for both
 * paths: the plain consumer and a Knative KafkaSource, which commits under the same group name.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.consume", stringValue = "true")
public class ConsumerLag {
  private static final Logger LOG = Logger.getLogger(ConsumerLag.class);

  private final String group;
  private final String bootstrap;
  private final MeterRegistry metrics;
  private final Map<String, AtomicLong> lagByTopic = new ConcurrentHashMap<>();
  private volatile Admin admin;

  public ConsumerLag(
      EventsConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      MeterRegistry metrics) {
    this.group = config.consumer();
    this.bootstrap = bootstrap;
    this.metrics = metrics;
  }

  @Scheduled(
      every = "${surge.events.lag-interval}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  void measure() {
    try {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin()
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get(5, TimeUnit.SECONDS);
      var ends =
          admin()
              .listOffsets(
                  committed.keySet().stream()
                      .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
              .all()
              .get(5, TimeUnit.SECONDS);
      Map<String, Long> sums = new ConcurrentHashMap<>();
      committed.forEach(
          (tp, offset) -> {
            long end = ends.get(tp).offset();
            long lag = offset == null ? end : Math.max(0, end - offset.offset());
            sums.merge(tp.topic(), lag, Long::sum);
          });
      sums.forEach((topic, lag) -> gauge(topic).set(lag));
    } catch (Exception e) {
      LOG.debugf("Consumer lag of %s not measured: %s", group, e.toString());
    }
  }

  /** The last measured lag of a topic, -1 before the first measurement. */
  public long lag(String topic) {
    AtomicLong value = lagByTopic.get(topic);
    return value == null ? -1 : value.get();
  }

  private AtomicLong gauge(String topic) {
    return lagByTopic.computeIfAbsent(
        topic,
        t -> {
          AtomicLong value = new AtomicLong();
          Gauge.builder("surge.events.consumer.lag", value, AtomicLong::get)
              .tag("group", group)
              .tag("topic", t)
              .description("Records of the topic not yet committed by this consumer group")
              .register(metrics);
          return value;
        });
  }

  private Admin admin() {
    if (admin == null) {
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
    return admin;
  }

  @PreDestroy
  void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
