-- Which user ids exist, learnt from surge.users.events (graph cannot read the users' tables). Issue
-- 12: a follow of an id nobody owns is stored (its sign-up event may simply not have arrived yet)
-- but never shown. The set is kept on every database, not only on the user's own shard, so a list
-- joins it in the one query it already makes and a counter can be moved in the transaction of its
-- edge; one row per user is cheap next to the two per edge.
create table graph_users (
    user_id     bigint      primary key,
    known_since timestamptz not null
);

-- A sign-up counts the edges that already point at the new user: who follows them (on each
-- follower's database) and whom they follow (on each target's).
create index graph_following_target on graph_following (target_id);
create index graph_followers_follower on graph_followers (follower_id);

-- The counters now count only edges whose other side is known, and nobody is known yet: they start
-- at zero and the sign-ups still on the topic (7 days' retention; the new consumer group reads
-- from the earliest record) count them again.
update graph_counts set following = 0, followers = 0;
