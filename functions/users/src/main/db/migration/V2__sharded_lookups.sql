-- Sharding (shared-data/README.md). A user row lives on the logical shard embedded in its id.
-- Login by email and the handle check must touch one shard, so each key has a lookup row on the
-- logical shard of the hash of the key (shard = first 4 bytes of SHA-256 of the key & 1023, as
-- dev.surge.data.ShardKeys computes it). A sign-up writes the lookups first as 'pending', then
-- the user row on its own shard, then marks the lookups 'active'; LookupRepair settles 'pending'
-- rows a crash left behind. Every database of every instance has all these tables; which rows
-- it holds is decided by the shard map.

-- Everything login needs, so that it reads one row on one shard.
create table user_emails (
    email         text primary key,           -- lower-cased
    shard         smallint    not null,       -- 10-bit hash of email (moves filter on it)
    user_id       bigint      not null,
    handle        text        not null,
    password_hash text        not null,
    state         text        not null default 'pending' check (state in ('pending', 'active')),
    created_at    timestamptz not null default now()
);
create index user_emails_pending on user_emails (created_at) where state = 'pending';

create table user_handles (
    handle_key text primary key,              -- lower(handle)
    shard      smallint    not null,
    user_id    bigint      not null,
    state      text        not null default 'pending' check (state in ('pending', 'active')),
    created_at timestamptz not null default now()
);
create index user_handles_pending on user_handles (created_at) where state = 'pending';

-- The online shard move publishes rows filtered by shard: filters on UPDATE/DELETE need every
-- filtered column in the replica identity.
alter table user_emails replica identity full;
alter table user_handles replica identity full;

-- Databases that held every user before sharding (one instance): lookups for existing users.
insert into user_emails (email, shard, user_id, handle, password_hash, state, created_at)
select email,
       (('x' || substr(encode(sha256(convert_to(email, 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint & 1023)::smallint,
       id, handle, password_hash, 'active', created_at
  from users
on conflict do nothing;
insert into user_handles (handle_key, shard, user_id, state, created_at)
select lower(handle),
       (('x' || substr(encode(sha256(convert_to(lower(handle), 'UTF8')), 'hex'), 1, 8))::bit(32)::bigint & 1023)::smallint,
       id, 'active', created_at
  from users
on conflict do nothing;
