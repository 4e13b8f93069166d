-- Users: one row per account. Email is stored lower-cased; handles keep their case for display
-- but are unique case-insensitively.
create table users (
    id            bigint primary key,
    email         text        not null,
    handle        text        not null,
    display_name  text        not null,
    bio           text        not null default '',
    password_hash text        not null,
    created_at    timestamptz not null,
    updated_at    timestamptz not null
);
create unique index users_email_key on users (email);
create unique index users_handle_key on users (lower(handle));

-- Transactional outbox: written in the same transaction as the change it announces, published
-- to Kafka by the relay. claimed_until is a lease so a relay that dies mid-batch loses nothing.
create table outbox_events (
    id            uuid primary key,
    topic         text        not null,
    event_key     text        not null,
    event_type    text        not null,
    payload       text        not null,
    traceparent   text,
    created_at    timestamptz not null,
    claimed_until timestamptz,
    published_at  timestamptz
);
create index outbox_events_pending on outbox_events (created_at) where published_at is null;
