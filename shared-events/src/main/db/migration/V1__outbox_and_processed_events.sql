-- Event plumbing every function shares, in every database of every shard instance. dev/migrate
-- applies this set first (history table flyway_history_events), then each function's own.

-- Transactional outbox: written in the same transaction as the change it announces, published
-- to Kafka by the relay of the function that wrote it (rows filtered by topic). claimed_until is
-- a lease so a relay that dies mid-batch loses nothing; shard is the logical shard of the change,
-- so a shard move takes the row along.
create table outbox_events (
    id            uuid primary key,
    topic         text        not null,
    event_key     text        not null,
    event_type    text        not null,
    payload       text        not null,
    traceparent   text,
    created_at    timestamptz not null,
    claimed_until timestamptz,
    published_at  timestamptz,
    shard         smallint
);
create index outbox_events_pending on outbox_events (topic, created_at) where published_at is null;
-- The online shard move publishes rows filtered by shard: filters on UPDATE/DELETE need every
-- filtered column in the replica identity.
alter table outbox_events replica identity full;

-- Idempotent consumers: one row per (consumer, event id), written in the transaction of the
-- event's effect (dev.surge.events.ProcessedEvents).
create table processed_events (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
create index processed_events_age on processed_events (processed_at);
