package dev.surge.events.outbox;

import dev.surge.events.outbox.OutboxStore.Pending;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The relay runs long after the request that wrote the event. It starts a producer span under the
 * request's stored trace context and puts that span's {@code traceparent} on the Kafka record, so
 * one trace runs from the HTTP call through the outbox to every consumer.
 */
@ApplicationScoped
@IfBuildProperty(name = "surge.events.produce", stringValue = "true")
public class OutboxTracing {
  private static final TextMapGetter<String> STORED =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
          return List.of("traceparent");
        }

        @Override
        public String get(String carrier, String key) {
          return "traceparent".equals(key) ? carrier : null;
        }
      };

  private final Tracer tracer;

  public OutboxTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /** A started span and the header that carries it (null when there is no trace). */
  public record Producer(Span span, String traceparent) {
    public void end() {
      span.end();
    }
  }

  public Producer start(Pending event) {
    Context parent =
        event.traceparent() == null
            ? Context.root()
            : W3CTraceContextPropagator.getInstance()
                .extract(Context.root(), event.traceparent(), STORED);
    Span span =
        tracer
            .spanBuilder(event.topic() + " publish")
            .setParent(parent)
            .setSpanKind(SpanKind.PRODUCER)
            .setAttribute("messaging.system", "kafka")
            .setAttribute("messaging.destination.name", event.topic())
            .setAttribute("messaging.message.id", event.id().toString())
            .startSpan();
    String header = traceparent(span.getSpanContext());
    return new Producer(span, header != null ? header : event.traceparent());
  }

  /** The W3C {@code traceparent} value of a span, or null when tracing is off. */
  static String traceparent(SpanContext span) {
    if (!span.isValid()) {
      return null;
    }
    return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
  }
}
