"""A flash sale through the public entry, checked end to end (driven by perf/flash-sale.sh).

Creates an item and a sale through the entry (admin token), then every buyer tries to buy at once:
each buyer sends `attempts` purchases of one unit, each with its own Idempotency-Key, from a pool
of threads (keep-alive connections). A request that fails on the way (the entry's 502/503 while
orders restarts) is retried with the same key, as a client would. Then it checks:
  - accepted (distinct order ids) == quantity, and the sale's remaining is 0;
  - no buyer holds more than perUserLimit orders;
  - every accepted order is persisted in PostgreSQL (every shard) within the deadline;
  - the Redis reservations equal the persisted orders, and stock + reserved == quantity;
  - a retried key answers the same order.
With --kill-after N the orders process is killed (the shell's KILL_CMD) after N purchases and
restarted (RESTART_CMD) while buyers go on. Prints one JSON line of figures; exit 1 on a failed
check.
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone

local = threading.local()


def conn(host, port):
    c = getattr(local, "conn", None)
    if c is None:
        c = local.conn = http.client.HTTPConnection(host, port, timeout=30)
    return c


def call(host, port, method, path, token=None, body=None, key=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = "Bearer " + token
    if key:
        headers["Idempotency-Key"] = key
    data = json.dumps(body) if body is not None else None
    for attempt in range(2):
        try:
            c = conn(host, port)
            c.request(method, path, body=data, headers=headers)
            r = c.getresponse()
            text = r.read()
            return r.status, (json.loads(text) if text else {}), dict(r.getheaders())
        except (http.client.HTTPException, OSError):
            local.conn = None
            if attempt == 1:
                return 0, {}, {}
    return 0, {}, {}


def psql(port, sql):
    out = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "surge", "-d", "surge", "-Atc", sql],
        capture_output=True, text=True, check=True, env={**os.environ, "PGPASSWORD": "surge"})
    return out.stdout.strip()


def redis(args, cmd):
    out = subprocess.run(["redis-cli"] + args + cmd, capture_output=True, text=True, check=True)
    return out.stdout.strip()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--entry", default="127.0.0.1:8100")
    p.add_argument("--tokens", required=True, help='file of "<id> <token>" lines, one per buyer')
    p.add_argument("--admin-token", required=True)
    p.add_argument("--quantity", type=int, default=500)
    p.add_argument("--per-user-limit", type=int, default=2)
    p.add_argument("--attempts", type=int, default=2, help="purchases each buyer tries")
    p.add_argument("--threads", type=int, default=128)
    p.add_argument("--persist-deadline", type=float, default=10.0)
    p.add_argument("--shards", default="5433,5434")
    p.add_argument("--redis", default="-p 6379", help="redis-cli connection arguments")
    p.add_argument("--kill-after", type=int, default=0)
    a = p.parse_args()
    host, port = a.entry.split(":")
    port = int(port)
    redis_args = a.redis.split()
    buyers = [line.split() for line in open(a.tokens) if line.strip()]

    status, item, _ = call(host, port, "POST", "/admin/items", a.admin_token, {
        "sku": "FS-" + uuid.uuid4().hex[:10], "title": "Flash sale item",
        "description": "perf/flash-sale.sh", "priceCents": 9900, "currency": "EUR",
        "stock": 1000})
    assert status == 201, (status, item)
    now = datetime.now(timezone.utc)
    status, sale, _ = call(host, port, "POST", "/admin/sales", a.admin_token, {
        "itemId": item["id"], "quantity": a.quantity, "priceCents": 4900,
        "startsAt": (now - timedelta(seconds=1)).isoformat().replace("+00:00", "Z"),
        "endsAt": (now + timedelta(minutes=30)).isoformat().replace("+00:00", "Z"),
        "perUserLimit": a.per_user_limit})
    assert status == 201, (status, sale)
    sale_id = sale["id"]

    # Every (buyer, attempt) with its key; shuffled so buyers' attempts interleave.
    jobs = [(b[0], b[1], str(uuid.uuid4())) for _ in range(a.attempts) for b in buyers]
    jobs = jobs[::2] + jobs[1::2]
    results = {}
    counter = {"n": 0}
    lock = threading.Lock()
    killed = threading.Event()
    retries = {"n": 0}

    def buy(job):
        buyer, token, key = job
        with lock:
            counter["n"] += 1
            n = counter["n"]
        if a.kill_after and n == a.kill_after and not killed.is_set():
            killed.set()
            subprocess.run(os.environ["KILL_CMD"], shell=True, check=False)
            threading.Thread(
                target=lambda: subprocess.run(os.environ["RESTART_CMD"], shell=True),
                daemon=True).start()
        deadline = time.time() + 60
        while True:
            status, body, _ = call(host, port, "POST", f"/sales/{sale_id}/purchases", token, {}, key)
            if status in (202, 409) or time.time() > deadline:
                break
            with lock:
                retries["n"] += 1
            time.sleep(0.2)
        results[(buyer, key)] = (status, body.get("orderId"), body.get("type", ""))

    started = time.time()
    with ThreadPoolExecutor(a.threads) as pool:
        list(pool.map(buy, jobs))
    elapsed = time.time() - started
    last_accept = time.time()

    accepted = {k: v[1] for k, v in results.items() if v[0] == 202}
    order_ids = set(accepted.values())
    refused = {}
    for status, _, kind in results.values():
        if status != 202:
            name = kind.rsplit(":", 1)[-1] if kind else str(status)
            refused[name] = refused.get(name, 0) + 1
    per_buyer = {}
    for (buyer, _), oid in accepted.items():
        per_buyer.setdefault(buyer, set()).add(oid)
    over_limit = sum(1 for s in per_buyer.values() if len(s) > a.per_user_limit)

    # A retried key answers the same order (Idempotency-Key replay).
    tokens = dict((b[0], b[1]) for b in buyers)
    sample = list(accepted.items())[:20]
    same = 0
    for (buyer, key), oid in sample:
        status, body, headers = call(
            host, port, "POST", f"/sales/{sale_id}/purchases", tokens[buyer], {}, key)
        if body.get("orderId") == oid:
            same += 1
        else:
            print(f"retry of {key} answered {status} {body} "
                  f"(replayed: {headers.get('Idempotent-Replayed')}), first answer {oid}")

    shards = [int(s) for s in a.shards.split(",")]
    ids_sql = ",".join(order_ids) if order_ids else "0"

    def persisted():
        return sum(int(psql(s, f"select count(*) from orders where sale_id = {sale_id}"))
                   for s in shards)

    def persisted_accepted():
        return sum(int(psql(s, f"select count(*) from orders where id in ({ids_sql})"))
                   for s in shards)

    while persisted_accepted() < len(order_ids) and time.time() - last_accept < 60:
        time.sleep(0.2)
    persist_seconds = time.time() - last_accept
    # Reconciliation settles reservations whose 202 never reached anyone (a kill mid-request).
    time.sleep(1)
    total_persisted = persisted()

    sale_num = int(sale_id)
    buckets = int(redis(redis_args, ["HGET", f"{{sale:{sale_num}:0}}:def", "buckets"]) or 1)
    stock = sum(int(redis(redis_args, ["GET", f"{{sale:{sale_num}:{b}}}:stock"]) or 0)
                for b in range(buckets))
    reservations = sum(int(redis(redis_args, ["HLEN", f"{{sale:{sale_num}:{b}}}:reservations"]))
                       for b in range(buckets))

    figures = {
        "sale": sale_id, "buyers": len(buyers), "requests": len(jobs),
        "seconds": round(elapsed, 2), "purchases_per_second": round(len(jobs) / elapsed),
        "accepted": len(order_ids), "refused": refused, "retried_requests": retries["n"],
        "over_limit_buyers": over_limit, "stock_left": stock,
        "reservations": reservations, "orders_persisted": total_persisted,
        "accepted_persisted_within_s": round(persist_seconds, 2),
        "retried_keys_same_order": f"{same}/{len(sample)}", "killed": killed.is_set(),
    }
    print(json.dumps(figures))
    checks = [
        ("accepted == quantity", len(order_ids) == a.quantity),
        ("stock left == 0", stock == 0),
        ("never oversold: reservations == quantity", reservations == a.quantity),
        ("no buyer above perUserLimit", over_limit == 0),
        ("every reservation persisted once", total_persisted == reservations),
        (f"accepted persisted within {a.persist_deadline} s",
         persist_seconds <= a.persist_deadline or killed.is_set()),
        ("retried keys answer the same order", same == len(sample)),
    ]
    failed = [name for name, ok in checks if not ok]
    for name, ok in checks:
        print(("ok    " if ok else "FAIL  ") + name)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
