-- Orders live on their buyer's shard: an order id is SurgeIds.next(shard of the buyer id), so a read
-- by id and a buyer's list each touch one shard. A flash-sale order (sale_id set) comes from a
-- reservation in Redis (shared-model SaleKeys) and keeps its bucket, so a cancellation gives its
-- units back to the right one; a regular checkout (sale_id null) took stock from items.
create table orders (
    id             bigint primary key,
    user_id        bigint      not null,
    status         text        not null
        check (status in ('PENDING', 'CONFIRMED', 'PAID', 'CANCELLED')),
    sale_id        bigint,
    sale_bucket    integer,
    total_cents    bigint      not null,
    currency       text        not null,
    cancel_reason  text,
    -- A cancelled order's units went back to the sale or the items (retried by a job until true).
    units_returned boolean     not null default false,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    -- Optimistic lock: every transition is "update ... where version = <read>".
    version        integer     not null default 0
);
create index orders_by_user on orders (user_id, id desc);
-- The payment timeout scans confirmed orders by age; the return job unreturned cancelled ones.
create index orders_awaiting_payment on orders (created_at) where status = 'CONFIRMED';
create index orders_units_out on orders (updated_at) where status = 'CANCELLED' and not units_returned;

create table order_lines (
    order_id    bigint  not null references orders (id) on delete cascade,
    item_id     bigint  not null,
    quantity    integer not null check (quantity > 0),
    price_cents bigint  not null,
    primary key (order_id, item_id)
);
