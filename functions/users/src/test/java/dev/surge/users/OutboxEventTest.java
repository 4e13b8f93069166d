package dev.surge.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.model.events.EventTypes;
import dev.surge.users.support.Accounts;
import dev.surge.users.support.UsersTopic;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxEventTest {

  @Test
  void signupPublishesAStructuredCloudEvent() throws Exception {
    try (var topic = new UsersTopic()) {
      var account = Accounts.create();
      ConsumerRecord<String, String> record =
          topic.await(account.id(), EventTypes.USER_SIGNED_UP, Duration.ofSeconds(15)).getFirst();

      JsonNode event = new ObjectMapper().readTree(record.value());
      assertEquals("1.0", event.path("specversion").asText());
      assertEquals(EventTypes.USER_SIGNED_UP, event.path("type").asText());
      assertEquals("/surge/users", event.path("source").asText());
      assertEquals(account.id(), event.path("subject").asText());
      assertNotNull(Instant.parse(event.path("time").asText()));
      assertTrue(event.path("id").asText().length() >= 32);
      assertEquals(account.id(), event.path("data").path("userId").asText());
      assertEquals(account.handle(), event.path("data").path("handle").asText());
      assertTrue(event.path("data").path("email").isMissingNode(), "no email in public events");

      String contentType = new String(record.headers().lastHeader("content-type").value());
      assertTrue(contentType.startsWith("application/cloudevents+json"), contentType);
      String traceparent = new String(record.headers().lastHeader("traceparent").value());
      assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), traceparent);
    }
  }
}
