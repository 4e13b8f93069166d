-- Posts live on their author's shard: a post id embeds the author's logical shard (SurgeIds), so
-- a read by id and an author's timeline each touch one shard. Old posts move to posts_archive
-- (same shape) by the archive command and stay readable: reads look in both.
create table posts (
    id         bigint primary key,
    author_id  bigint      not null,
    text       text        not null,
    media_urls text[]      not null default '{}',
    mentions   bigint[]    not null default '{}',
    created_at timestamptz not null
);
create index posts_by_author on posts (author_id, id desc);
create index posts_by_age on posts (created_at);

create table posts_archive (like posts including all);
