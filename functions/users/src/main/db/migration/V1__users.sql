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

-- The outbox table is shared by every function: shared-events/src/main/db/migration.
