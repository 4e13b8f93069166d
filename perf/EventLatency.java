import dev.surge.model.ids.SurgeIds;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Delivery latency of the plain Kafka consumer, end to end: a post event is published (acks=all,
 * waited for) and the clock stops when the post is in the follower's Redis timeline, which is what
 * a feed read would show. Benchmark only, run by perf/event-latency.sh.
 *
 * <pre>
 *   java -cp 'kafka-libs/*:shared-model/target/classes' perf/EventLatency.java LABEL COUNT
 * </pre>
 */
public class EventLatency {
  static final String BOOTSTRAP = "127.0.0.1:9092";
  static final int REDIS_PORT = 6379;

  public static void main(String[] args) throws Exception {
    String label = args[0];
    int count = Integer.parseInt(args[1]);
    Properties p = new Properties();
    p.put("bootstrap.servers", BOOTSTRAP);
    p.put("acks", "all");
    p.put("linger.ms", "0");
    try (var kafka = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        var redis = new Socket("127.0.0.1", REDIS_PORT)) {
      long author = SurgeIds.next();
      long follower = SurgeIds.next();
      send(
          kafka,
          "surge.users.events",
          "surge.users.signed-up.v1",
          author,
          "{\"userId\":\"%d\",\"handle\":\"lat%d\",\"displayName\":\"Latency\",\"signedUpAt\":\"%s\"}"
              .formatted(author, author % 100000, Instant.now()));
      send(
          kafka,
          "surge.graph.events",
          "surge.graph.followed.v1",
          follower,
          "{\"followerId\":\"%d\",\"targetId\":\"%d\",\"at\":\"%s\"}"
              .formatted(follower, author, Instant.now()));
      Thread.sleep(3000);
      List<Long> micros = new ArrayList<>();
      // The first post is the first record on its partition since the consumer joined the group:
      // reported on its own, then the steady state.
      long first = -1;
      for (int i = -1; i < count; i++) {
        long post = SurgeIds.next(SurgeIds.shardOf(author));
        long t0 = System.nanoTime();
        send(
            kafka,
            "surge.posts.events",
            "surge.posts.created.v1",
            author,
            ("{\"post\":{\"id\":\"%d\",\"authorId\":\"%d\",\"text\":\"latency\",\"mediaUrls\":[],"
                    + "\"mentions\":[],\"createdAt\":\"%s\"}}")
                .formatted(post, author, Instant.now()));
        while (!inTimeline(redis, follower, post)) {
          if (System.nanoTime() - t0 > 10_000_000_000L) {
            throw new IllegalStateException("post " + post + " not in the timeline after 10 s");
          }
          Thread.sleep(2);
        }
        long took = (System.nanoTime() - t0) / 1000;
        if (i < 0) {
          first = took;
        } else {
          micros.add(took);
        }
        Thread.sleep(ThreadLocalRandom.current().nextInt(100, 300));
      }
      Collections.sort(micros);
      System.out.printf(
          "%s first=%.1fms then posts=%d p50=%.1fms p95=%.1fms max=%.1fms%n",
          label,
          first / 1000.0,
          count,
          at(micros, 0.50),
          at(micros, 0.95),
          micros.getLast() / 1000.0);
    }
  }

  static void send(
      KafkaProducer<String, String> kafka, String topic, String type, long key, String data)
      throws Exception {
    String event =
        ("{\"specversion\":\"1.0\",\"id\":\"%s\",\"source\":\"/perf\",\"type\":\"%s\","
                + "\"subject\":\"%d\",\"time\":\"%s\",\"datacontenttype\":\"application/json\","
                + "\"data\":%s}")
            .formatted(UUID.randomUUID(), type, key, Instant.now(), data);
    kafka.send(new ProducerRecord<>(topic, Long.toString(key), event)).get();
  }

  /** ZSCORE over raw RESP: one short request, so the poll itself costs well under a millisecond. */
  static boolean inTimeline(Socket redis, long user, long post) throws Exception {
    String key = "feed:tl:{" + user + "}";
    String member = Long.toString(post);
    String cmd =
        "*3\r\n$6\r\nZSCORE\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n"
            .formatted(key.length(), key, member.length(), member);
    OutputStream out = redis.getOutputStream();
    out.write(cmd.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = redis.getInputStream();
    String header = line(in);
    if (header.startsWith("$-1") || header.startsWith("_")) {
      return false;
    }
    if (header.startsWith("$")) {
      line(in); // the score
      return true;
    }
    throw new IllegalStateException("unexpected Redis reply " + header);
  }

  static String line(InputStream in) throws Exception {
    StringBuilder s = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new IllegalStateException("Redis closed the connection");
      }
      if (c != '\r') {
        s.append((char) c);
      }
    }
    return s.toString();
  }

  static double at(List<Long> sorted, double q) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1)) / 1000.0;
  }
}
