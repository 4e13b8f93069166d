-- Projections of the recommendations function, from users and graph events only.

-- Whom a user follows (follower's shard): input of "followed by people you follow".
create table rec_follows (
    follower_id bigint not null,
    target_id   bigint not null,
    primary key (follower_id, target_id)
);

-- Follower counts (user's shard): the durable copy of Redis' popularity ranking.
create table rec_popularity (
    user_id   bigint primary key,
    followers bigint not null default 0
);

-- A user's prepared list (user's shard): JSON array of {userId, reason}.
create table recommendations (
    user_id    bigint primary key,
    items      text        not null,
    updated_at timestamptz not null
);
