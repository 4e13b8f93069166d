package dev.surge.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import dev.surge.model.ids.SurgeIds;
import dev.surge.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Redis that accepts connections and never answers (a hung node, a black-holed route): a feed read
 * gets its 503 + Retry-After at the read deadline instead of holding the connection forever.
 */
@QuarkusTest
@TestProfile(RedisHangsTest.HungRedis.class)
class RedisHangsTest {
  /** Points Redis at a socket that never answers; a 1 s read deadline keeps the test short. */
  public static class HungRedis implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.redis.hosts",
          "redis://127.0.0.1:" + BlackHole.PORT,
          "surge.feed.read-timeout",
          "1s");
    }
  }

  @Test
  void aHungRedisCostsTheReadDeadlineNotTheConnection() {
    given()
        .auth()
        .oauth2(Tokens.forUser(SurgeIds.next()))
        .get("/feed")
        .then()
        .time(lessThan(5L), TimeUnit.SECONDS)
        .statusCode(503)
        .contentType("application/problem+json")
        .header("Retry-After", "1")
        .body("type", equalTo("urn:surge:problem:unavailable"));
  }

  /** Accepts every connection and reads nothing, for as long as the test JVM lives. */
  static final class BlackHole {
    static final int PORT;
    private static final List<Socket> HELD = new ArrayList<>();

    static {
      try {
        ServerSocket server = new ServerSocket(0);
        PORT = server.getLocalPort();
        Thread accept =
            new Thread(
                () -> {
                  while (true) {
                    try {
                      Socket held = server.accept();
                      synchronized (HELD) {
                        HELD.add(held);
                      }
                    } catch (IOException e) {
                      return;
                    }
                  }
                },
                "redis-black-hole");
        accept.setDaemon(true);
        accept.start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private BlackHole() {}
  }
}
