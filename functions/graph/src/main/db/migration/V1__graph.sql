-- The follow graph. Each edge is stored twice, each copy on its owner's shard: "who I follow" on
-- the follower's shard (written with the outbox event, one transaction), "who follows me" on the
-- target's shard. Lists are newest first with (created_at, other id) as the cursor.
create table graph_following (
    user_id    bigint      not null,
    target_id  bigint      not null,
    created_at timestamptz not null,
    primary key (user_id, target_id)
);
create index graph_following_recent on graph_following (user_id, created_at desc, target_id desc);

create table graph_followers (
    user_id     bigint      not null,
    follower_id bigint      not null,
    created_at  timestamptz not null,
    primary key (user_id, follower_id)
);
create index graph_followers_recent on graph_followers (user_id, created_at desc, follower_id desc);

-- Counts per user, kept with the rows they count (following on the follower's shard, followers on
-- the target's), so a profile page never counts rows.
create table graph_counts (
    user_id   bigint primary key,
    following bigint not null default 0,
    followers bigint not null default 0
);
