package dev.surge.events.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.surge.events.CloudEvents;
import dev.surge.events.EventDispatcher;
import dev.surge.events.PoisonEvent;
import dev.surge.events.ReceivedEvent;
import dev.surge.model.problem.ProblemException;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Where a Knative KafkaSource delivers CloudEvents (binary or structured mode). 202 only once the
 * effect is stored; a malformed or poison event is 400, which Knative does not retry but sends to
 * the dead-letter sink; anything else is 503 with Retry-After, which Knative retries with backoff.
 * Only in functions built with {@code surge.events.consume=true}.
 */
@Path("/events")
@IfBuildProperty(name = "surge.events.consume", stringValue = "true")
public class CloudEventsResource {
  private static final Logger LOG = Logger.getLogger(CloudEventsResource.class);

  private final EventDispatcher dispatcher;
  private final ObjectMapper json;

  public CloudEventsResource(EventDispatcher dispatcher, ObjectMapper json) {
    this.dispatcher = dispatcher;
    this.json = json;
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  public Uni<Response> receive(@Context HttpHeaders headers, byte[] body) {
    ReceivedEvent event;
    try {
      Map<String, String> single = new HashMap<>();
      headers.getRequestHeaders().forEach((name, values) -> single.put(name, values.getFirst()));
      event = CloudEvents.fromHttp(json, single, body);
    } catch (PoisonEvent e) {
      throw ProblemException.malformed(e.getMessage());
    }
    return dispatcher
        .dispatch(event)
        .map(done -> Response.accepted().build())
        .onFailure()
        .transform(e -> answer(event, e));
  }

  private RuntimeException answer(ReceivedEvent event, Throwable failure) {
    if (failure instanceof PoisonEvent) {
      dispatcher.count(event.type(), "poison");
      return ProblemException.malformed(failure.getMessage());
    }
    if (failure instanceof ProblemException problem) {
      return problem;
    }
    dispatcher.count(event.type(), "retried");
    LOG.warnf("Event %s (%s) failed, the sender will retry: %s", event.id(), event.type(), failure);
    return ProblemException.unavailable("The event could not be applied yet", 1);
  }
}
