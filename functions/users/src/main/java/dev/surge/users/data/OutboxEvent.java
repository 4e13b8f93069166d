package dev.surge.users.data;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One event waiting in the outbox; see V1__users_and_outbox.sql for the lease columns. */
@Entity
@Table(name = "outbox_events")
public class OutboxEvent extends PanacheEntityBase {
  @Id public UUID id;

  @Column(nullable = false)
  public String topic;

  @Column(name = "event_key", nullable = false)
  public String eventKey;

  @Column(name = "event_type", nullable = false)
  public String eventType;

  @Column(nullable = false)
  public String payload;

  public String traceparent;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "claimed_until")
  public Instant claimedUntil;

  @Column(name = "published_at")
  public Instant publishedAt;
}
