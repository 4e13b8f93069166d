-- The feed's own projections, built only from events (graph, posts, users): the feed never calls
-- another function. Each row sits on the shard of the user it belongs to.

-- Whom a user follows (follower's shard): the input of a timeline rebuild.
create table feed_follows (
    follower_id bigint      not null,
    author_id   bigint      not null,
    created_at  timestamptz not null,
    primary key (follower_id, author_id)
);

-- Who follows an author (author's shard): the fan-out list.
create table feed_followers (
    author_id   bigint not null,
    follower_id bigint not null,
    primary key (author_id, follower_id)
);

-- Per author (author's shard): follower count (celebrity or not) and the public card shown in feeds.
create table feed_authors (
    id        bigint primary key,
    followers bigint not null default 0,
    handle    text,
    name      text
);

-- Post copies (author's shard): hydration when Redis has lost a body, and timeline rebuilds.
create table feed_posts (
    id         bigint primary key,
    author_id  bigint      not null,
    body       text        not null,
    created_at timestamptz not null
);
create index feed_posts_by_author on feed_posts (author_id, id desc);
