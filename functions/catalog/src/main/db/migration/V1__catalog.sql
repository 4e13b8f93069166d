-- Items live on the shard embedded in their id (a root id, SurgeIds.next()); a sale lives with its
-- item (SurgeIds.next(shard of the item id)), so a sale and its item share a database. The orders
-- function's regular checkout takes stock on the item's shard with
--   update items set stock = stock - $2 where id = $1 and stock >= $2
-- so items, id, stock, price_cents and currency are a contract with orders; the check keeps stock
-- from going below zero whoever writes it.
create table items (
    id          bigint primary key,
    sku         text        not null,
    title       text        not null,
    description text        not null default '',
    price_cents bigint      not null check (price_cents >= 0),
    currency    char(3)     not null,
    stock       int         not null check (stock >= 0),
    -- Bumped by every catalog change: the ETag of GET /items/{id}.
    version     int         not null default 1,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- A flash sale's definition. Its stock and buyers live in Redis (shared-model SaleKeys); this row
-- is written after the Redis keys, so a sale that can be read here can be bought there.
create table sales (
    id             bigint primary key,
    item_id        bigint      not null,
    quantity       int         not null check (quantity > 0),
    price_cents    bigint      not null check (price_cents >= 0),
    starts_at      timestamptz not null,
    ends_at        timestamptz not null check (ends_at > starts_at),
    per_user_limit int         not null check (per_user_limit >= 1),
    buckets        int         not null check (buckets >= 1),
    created_at     timestamptz not null
);
create index sales_by_item on sales (item_id);
