package dev.surge.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.surge.events.outbox.OutboxRelay;
import dev.surge.model.events.EventTypes;
import dev.surge.users.support.Accounts;
import dev.surge.users.support.Db;
import dev.surge.users.support.UsersTopic;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay is stopped after the sign-up commits and before it publishes, standing for a process
 * that died in between. The event waits in the outbox and leaves once a relay runs again. JVM only:
 * it reaches into the running application, which a native run cannot offer.
 */
@QuarkusTest
class OutboxCrashTest {
  @Inject OutboxRelay relay;

  @AfterEach
  void restartRelay() {
    relay.resume();
  }

  @Test
  void eventCommittedBeforeACrashIsStillPublished() throws InterruptedException {
    try (var topic = new UsersTopic()) {
      relay.pause();
      var account = Accounts.create();
      String pending =
          "select count(*) from outbox_events where event_key = ? and published_at is null";

      Thread.sleep(2_000); // several poll intervals: nothing may leave while the relay is down
      assertEquals(1, Db.count(pending, account.id()), "the event is committed with the user");
      assertTrue(topic.matching(account.id(), EventTypes.USER_SIGNED_UP).isEmpty());

      relay.resume();
      topic.await(account.id(), EventTypes.USER_SIGNED_UP, Duration.ofSeconds(15));
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Db.count(pending, account.id()) == 0);
    }
  }
}
