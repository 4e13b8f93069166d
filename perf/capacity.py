"""Capacity model for 1,000,000 requests/s of the mixed workload, from perf/capacity_measure.py's
figures. Prints perf/CAPACITY.md:
  python3 perf/capacity.py target/perf-capacity/measured.json > perf/CAPACITY.md
Every number it does not measure is in ASSUMPTIONS below, with why; change one there and rerun.
"""
import json, math, re, sys

M = json.load(open(sys.argv[1]))
D, IDLE = M["delta"], M["idle"]
RATE = 1_000_000  # requests/s of the measured mix
FUNCTIONS = ["users", "graph", "posts", "feed", "recommendations"]

# name: (value, unit, why)
ASSUMPTIONS = {
    "pod_vcpu": (1.0, "vCPU", "one Knative revision container; a JVM or native Quarkus function serves on a single core"
                 " with its event loop, and smaller requests make scaling steps finer"),
    "target_cpu": (0.6, "of a pod's vCPU", "the autoscaler's target: 40 % left for bursts, a zone lost and GC"),
    "min_pods": (3, "pods per function", "one per availability zone, so no function is ever on one node"),
    "pod_memory_headroom": (1.25, "x peak RSS", "peak RSS under load plus a quarter, rounded up to 128 MiB"),
    "redis_ops_per_shard": (100_000, "commands/s", "a Redis 7 primary on one core does 100-200k small commands/s;"
                            " our commands are small (GET, ZADD, ZREVRANGEBYSCORE of <=20)"),
    "redis_headroom": (0.5, "of a shard's ops", "plan at half: hot keys (celebrities' recent lists) and failover"),
    "redis_memory_per_shard_gb": (25, "GB", "a 32 GB node with maxmemory at ~80 % for fragmentation and forks"),
    "redis_replicas_per_shard": (1, "replica", "failover; reads are not sent to replicas"),
    "feed_reads_per_active_user_day": (100, "home-feed pages", "a heavy scroller: 100 pages of 20 posts a day;"
                                       " sets how many users the feed reads come from"),
    "resident_over_daily_users": (1.5, "x daily users", "home timelines live 8 days (4 x the 2-day body TTL), so Redis"
                                  " holds about the weekly actives: WAU/DAU 1.5"),
    "pg_write_stmts_per_primary": (10_000, "write statements/s", "a 16 vCPU / 64 GB primary on NVMe with one"
                                   " synchronous standby does 20-30k small indexed inserts/updates a second;"
                                   " plan at about half"),
    "pg_read_stmts_per_replica": (20_000, "read statements/s", "indexed point and range reads on a 16 vCPU replica"
                                  " with the working set in memory: 40k+/s; plan at half"),
    "pg_vcpu": (16, "vCPU per instance", "the instance size the two rates above are for"),
    "pg_min_replicas_per_primary": (1, "replica", "every shard keeps a readable standby for failover"),
    "kafka_records_per_partition": (500, "records/s", "a consumer takes one partition's records in order, one at a"
                                    " time, each a PostgreSQL transaction (processed-event row) plus its Redis"
                                    " fan-out: ~2 ms, so ~500/s per partition"),
    "kafka_mb_per_broker": (50, "MB/s produced", "per broker including 3x replication traffic, well under NIC and"
                            " disk limits of a 4-8 vCPU broker"),
    "kafka_replication": (3, "copies", "the usual durable setting (acks=all, min.insync.replicas=2)"),
}


def A(name):
    return ASSUMPTIONS[name][0]


N = M["mixed"]["requests"]
WIN, IWIN = D["window_s"], IDLE["window_s"]


def busy(measured, idle):
    """What the load added: the measured delta less the idle rate over the same window."""
    return max(0.0, measured - idle / IWIN * WIN)


def fmt(x, nd=0):
    if x is None:
        return "-"
    if isinstance(x, float) and nd:
        return f"{x:,.{nd}f}"
    return f"{round(x):,}"


def ceil(x):
    return max(1, math.ceil(x - 1e-9))


out = []
w = out.append

# --- functions -------------------------------------------------------------------------------
fn_rows, fn_total_pods, fn_total_cores = [], 0, 0.0
for fn in FUNCTIONS:
    f, i = D["functions"][fn], IDLE["functions"][fn]
    own = f["requests"]
    # A function that served nothing and handled no event in the window carries none of this mix:
    # its busy CPU is noise around its idle rate (outbox polls), and it gets min_pods.
    loaded = own > 0 or sum(f["events_handled"].values()) > 0
    cpu = busy(f["cpu_s"], i["cpu_s"]) if loaded else 0.0
    cpu_per_req = cpu / N  # CPU seconds per request of the mix
    cores = cpu_per_req * RATE
    pods = max(A("min_pods"), ceil(cores / (A("pod_vcpu") * A("target_cpu"))))
    rss = max(f["rss_bytes"], f["rss_peak_bytes"] or 0)
    mem_mib = math.ceil(rss * A("pod_memory_headroom") / 2**20 / 128) * 128
    alloc_per_req = f["allocated_bytes"] / N
    fn_total_pods += pods
    fn_total_cores += cores
    fn_rows.append((fn, own, cpu, cpu_per_req, cpu / own if own else None, alloc_per_req, rss, i["cpu_s"] / IWIN,
                    cores, pods, mem_mib))

# --- Redis -----------------------------------------------------------------------------------
R = D["redis"]
redis_cmds = busy(R["commands"], IDLE["redis"]["commands"])
redis_per_req = redis_cmds / N
redis_ops = redis_per_req * RATE
redis_shards_ops = ceil(redis_ops / (A("redis_ops_per_shard") * A("redis_headroom")))
redis_cpu_us = busy(R["cpu_s"], IDLE["redis"]["cpu_s"]) / redis_cmds * 1e6 if redis_cmds else None
hits, misses = R["keyspace_hits"], R["keyspace_misses"]

mix = {k: M["mixed"][k]["share"] for k in ("feed", "timeline", "compose")}
feed_reads_s = RATE * mix["feed"]
posts_s = RATE * mix["compose"]
dau = feed_reads_s * 86400 / A("feed_reads_per_active_user_day")
resident = dau * A("resident_over_daily_users")
keys = M["redis_keys"]


def key(pattern):
    return keys.get(pattern) or {"keys": 0, "avg_bytes": 0, "avg_elements": 0}


def per_element(pattern, overhead=100):
    k = key(pattern)
    return max(8.0, (k["avg_bytes"] - overhead) / k["avg_elements"]) if k["avg_elements"] else 0


# Redis memory, by what is in it (TTLs and caps from functions/feed's FeedConfig defaults).
body_ttl_s = 2 * 86400
tl_entry = per_element("feed:tl:{*}")
author_entry = per_element("feed:author:{*}")
list_ttl_s = 4 * body_ttl_s  # home timelines and author lists: 8 days
avg_followers = M["graph"]["follows"] / M["graph"]["users"]
tl_fill = min(800, posts_s * list_ttl_s * avg_followers / resident)  # ids pushed per timeline in 8 days
author_fill = min(200, posts_s * list_ttl_s / resident)  # posts per author in 8 days
mem_rows = [
    ("post bodies `feed:post:{id}`", posts_s * body_ttl_s, key("feed:post:{*}")["avg_bytes"],
     "every post of the last 2 days (body TTL): compose rate x 172,800 s"),
    ("home timelines `feed:tl:{user}`", resident, 100 + tl_fill * tl_entry,
     f"one per resident user; {tl_fill:,.0f} ids of the 800 cap (posts/s x 8 days x {avg_followers:.1f} followers"
     f" per user as seeded / resident users) x {tl_entry:.0f} B measured per id"),
    ("author recent lists `feed:author:{user}`", resident, 100 + author_fill * author_entry,
     f"one per resident user; {author_fill:,.0f} ids of the 200 cap (posts/s x 8 days / resident users)"
     f" x {author_entry:.0f} B"),
    ("author cards `feed:profile:{user}`", resident, key("feed:profile:{*}")["avg_bytes"], "one per resident user"),
    ("followee lists `feed:fe:{user}`", min(resident, feed_reads_s * 60), key("feed:fe:{*}")["avg_bytes"]
     * max(1.0, 1), "60 s TTL: at most one per feed read in the last minute (measured size, median out-degree "
     f"{M['graph']['median_out_degree']})"),
    ("recommendations `rec:user:{user}`", resident, key("rec:user:{*}")["avg_bytes"], "one per resident user"),
    ("profiles `users:profile:{id}`", resident, key("users:profile:{*}")["avg_bytes"], "one per resident user"),
]
redis_bytes = sum(n * b for _, n, b, _ in mem_rows)
redis_shards_mem = ceil(redis_bytes / (A("redis_memory_per_shard_gb") * 1e9))
redis_shards = max(redis_shards_ops, redis_shards_mem)

# --- PostgreSQL ------------------------------------------------------------------------------
pg_kind = {"write": 0.0, "read": 0.0, "lsn": 0.0, "transaction": 0.0, "other": 0.0}
pg_cpu, pg_tree_cpu = 0.0, 0.0
for name, p in D["pg"].items():
    ip = IDLE["pg"][name]
    for kind in pg_kind:
        pg_kind[kind] += busy(p["statements"].get(kind, 0), ip["statements"].get(kind, 0))
    # The functions' own connections (pg_stat_activity, database surge); the whole server's CPU
    # also holds WAL shipping, checkpoints and other databases' tests on these shared instances.
    pg_cpu += busy(p["backend_cpu_s"], ip["backend_cpu_s"])
    pg_tree_cpu += busy(p["cpu_s"], ip["cpu_s"])
pg_all = sum(pg_kind.values())
writes_per_req = pg_kind["write"] / N
reads_per_req = (pg_kind["read"] + pg_kind["other"]) / N
writes_s, reads_s = writes_per_req * RATE, reads_per_req * RATE
pg_us_per_stmt = pg_cpu / pg_all * 1e6 if pg_all else None
primaries_rate = ceil(writes_s / A("pg_write_stmts_per_primary"))
# CPU check: the statements each primary runs (writes, their BEGIN/COMMIT and LSN reads) at the
# CPU per statement measured here, on pg_vcpu cores at the target utilisation.
primary_stmts_s = (pg_kind["write"] + pg_kind["transaction"] + pg_kind["lsn"]) / N * RATE
primaries_cpu = ceil(primary_stmts_s * pg_cpu / pg_all / (A("pg_vcpu") * A("target_cpu"))) if pg_all else 1
primaries = max(primaries_rate, primaries_cpu)
replicas_rate = ceil(reads_s / A("pg_read_stmts_per_replica"))
replicas_cpu = ceil(reads_s * pg_cpu / pg_all / (A("pg_vcpu") * A("target_cpu"))) if pg_all else 1
replicas = max(replicas_rate, replicas_cpu, primaries * A("pg_min_replicas_per_primary"))

# Statements per request by what they are, all instances together.
stmt_calls = {}
for name, p in D["pg"].items():
    for s in p["top_statements"]:
        if s["kind"] in ("read", "write", "other"):
            q = re.sub(r"\s+", " ", s["query"])[:110]
            stmt_calls[q] = stmt_calls.get(q, [0, s["kind"]])
            stmt_calls[q][0] += s["calls"]

# Cache hit ratios.
feed_n = M["mixed"]["feed"]["n"]
timeline_n = M["mixed"]["timeline"]["n"]


def calls(fragment):
    return sum(s["calls"] for p in D["pg"].values() for s in p["top_statements"] if fragment in s["query"])


rebuild_q = calls("select id from feed_posts where author_id = any")
followee_q = calls("select author_id from feed_follows where follower_id")
author_tl_q = calls("from posts where author_id = $1")
feed_db_reads = sum(v for k, v in D["functions"]["feed"]["db_reads"].items())
# A rebuild ends in one ZADD of the whole timeline; fan-out's ZADDs run inside its script, each
# with a ZREMRANGEBYRANK (scripts' commands count in commandstats), so the difference is rebuilds.
rebuilds = max(0, R["by_command"].get("zadd", 0) - R["by_command"].get("zremrangebyrank", 0))
cache_gets = {}
for fn in FUNCTIONS:
    for k, v in D["functions"][fn]["cache_gets"].items():
        cache_gets[f"{fn} {k}"] = v

# --- Kafka -----------------------------------------------------------------------------------
records = sum(D["functions"][fn]["outbox_published"] for fn in FUNCTIONS)
records_per_req = records / N
records_s = records_per_req * RATE
kbytes = sum(D["kafka"]["bytes_by_topic"].values())
bytes_per_record = kbytes / records if records else 0
topic_rows = []
for topic, b in sorted(D["kafka"]["bytes_by_topic"].items()):
    if topic.endswith(".dlt"):
        continue
    share = b / kbytes if kbytes else 0
    rs = records_s * share
    parts = ceil(rs / A("kafka_records_per_partition"))
    topic_rows.append((topic, b, rs, parts))
handled = sum(v for fn in FUNCTIONS for k, v in D["functions"][fn]["events_handled"].items())
broker_mb = records_s * bytes_per_record * A("kafka_replication") / 1e6
brokers = max(3, ceil(broker_mb / A("kafka_mb_per_broker")))

# --- markdown --------------------------------------------------------------------------------
mx = M["mixed"]
w("# Capacity model: 1,000,000 requests/s of the mixed workload\n")
w("Generated by `perf/capacity.py` from `target/perf-capacity/measured.json`; do not edit by hand. "
  "Reproduce with:\n\n```sh\n" + M["command"] + "   # measures, then writes this file\n```\n")
w(f"- **Measured** {M['date_utc']} on {M['machine']['cpus']} cores ({M['machine']['model']}, shared and noisy: "
  f"load average {' / '.join(M['machine']['loadavg_at_start'])} at the start, "
  f"{' / '.join(M['machine']['loadavg_at_end'])} at the end; everything below, the Python client, PostgreSQL, Redis "
  "and Kafka ran on those 2 cores).")
w(f"- **JVM figures**: the functions ran as {M['runtime']}. Native executables would differ: smaller RSS "
  "and no JIT warm-up, typically somewhat more CPU per request at peak. Re-measure with native before sizing "
  "memory from this file.")
w(f"- **Workload**: perf/social_bench.py's mixed workload, 32 Python client threads, each request drawn at random: "
  f"home feed {mix['feed']:.1%}, author timeline {mix['timeline']:.1%}, compose {mix['compose']:.1%}. "
  f"Graph seeded as social-bench does: {M['graph']['users']} users, {M['graph']['follows']:,} follows (power law, "
  f"median out-degree {M['graph']['median_out_degree']}, most-followed {M['graph']['max_followers']}; above 40 "
  f"followers an author is a celebrity), {M['graph']['posts']:,} posts. One warm-up run of "
  f"{M['warmup']['seconds']} s ({M['warmup']['total_rps']} req/s), then an idle baseline of {IWIN:.0f} s, then "
  f"the measured run: **{mx['seconds']} s, {N:,} requests, {mx['total_rps']} req/s, {mx['errors']} errors**, "
  f"p50 {mx['p50_ms']} ms, p99 {mx['p99_ms']} ms. The counters were read before it and again once the feed's "
  f"consumer lag was back to 0 ({mx['feed_backlog_drained_s']} s after the load), so the fan-out the requests "
  f"caused is in them: a window of {WIN:.1f} s.")
w("- **Per request** below means per request of the mix (CPU of every function divided by all requests, so "
  "the feed's fan-out of a composed post is charged to the mix, not to `GET /feed`), after taking off what the "
  "same process spent per second in the idle baseline.\n")

w("## Assumptions\n")
w("| assumption | value | why |\n| --- | --- | --- |")
for name, (v, unit, why) in ASSUMPTIONS.items():
    w(f"| `{name}` | {v:,} {unit} | {why} |")
w(f"| target rate | {RATE:,} requests/s | the issue's figure, with the measured mix: {feed_reads_s:,.0f} feed reads/s, "
  f"{RATE * mix['timeline']:,.0f} author timelines/s, {posts_s:,.0f} posts/s |")
w(f"| users behind it | {dau / 1e6:,.0f} M daily, {resident / 1e6:,.0f} M resident in Redis | derived: feed reads "
  "x 86,400 / `feed_reads_per_active_user_day`, x `resident_over_daily_users` |")
w("| graph shape | as measured | fan-out per post and followee-list sizes are the seeded graph's (median out-degree "
  f"{M['graph']['median_out_degree']}); a real graph with hundreds of followers per author multiplies the feed's "
  "fan-out CPU and Redis writes per post by about that ratio (see Risks) |")
w("| CPU per request | constant | measured at ~" + f"{mx['total_rps']:.0f}" + " req/s on one pod per function; assumes it "
  "holds per pod at the target utilisation (no contention effects beyond what the 60 % target absorbs) |")
w("")

w("## Measured per function\n")
w("| function | own requests | CPU s (busy) | CPU ms per mix request | CPU ms per own request | allocated KB per "
  "mix request | peak RSS | idle CPU (cores) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for fn, own, cpu, cpr, cpo, alloc, rss, idle_cores, *_ in fn_rows:
    w(f"| {fn} | {own:,} | {cpu:.2f} | {cpr * 1000:.3f} | {fmt(cpo * 1000 if cpo else None, 2)} | "
      f"{alloc / 1024:,.1f} | {rss / 2**20:,.0f} MiB | {idle_cores:.3f} |")
total_cpu_ms = sum(r[3] for r in fn_rows) * 1000
w(f"| **all** | {sum(r[1] for r in fn_rows):,} | {sum(r[2] for r in fn_rows):.2f} | **{total_cpu_ms:.3f}** | | | | |\n")
w("Own requests are what each function's `http_server_requests_seconds_count` counted (feed: `GET /feed`; posts: "
  "author timelines and compose). users, graph and recommendations serve nothing in this mix: their CPU is events "
  "(recommendations and feed consume; users and graph only poll their outboxes), and those that handled no "
  "event in the window are counted as 0 CPU: what they spent above their idle rate ("
  + ", ".join(f"{fn} {busy(D['functions'][fn]['cpu_s'], IDLE['functions'][fn]['cpu_s']):.2f} s" for fn in FUNCTIONS
              if not next(r for r in fn_rows if r[0] == fn)[1] and not D["functions"][fn]["events_handled"])
  + ") is noise, and they get `min_pods`. Allocated bytes are Micrometer's "
  "`jvm_gc_memory_allocated_bytes_total` plus what Eden gained in the window.\n")
w("Routes:\n")
for fn in FUNCTIONS:
    r = D["functions"][fn]["requests_by_route"]
    if r:
        w(f"- {fn}: " + ", ".join(f"`{k}` {v:,.0f}" for k, v in sorted(r.items(), key=lambda x: -x[1])))
w("")

w("## Functions: pods for 1,000,000 requests/s\n")
w(f"Pod: **{A('pod_vcpu'):g} vCPU**, memory = peak RSS x {A('pod_memory_headroom')} rounded up to 128 MiB (JVM, "
  f"`-Xmx384m`), at **{A('target_cpu'):.0%}** CPU. Cores = CPU per mix request x {RATE:,}/s.\n")
w("| function | cores | pods | memory per pod | memory, all pods |\n| --- | ---: | ---: | ---: | ---: |")
mem_total = 0
for fn, own, cpu, cpr, cpo, alloc, rss, idle_cores, cores, pods, mem_mib in fn_rows:
    mem_total += pods * mem_mib
    w(f"| {fn} | {cores:,.0f} | **{pods:,}** | {mem_mib} MiB | {pods * mem_mib / 1024:,.0f} GiB |")
w(f"| **all** | {fn_total_cores:,.0f} | **{fn_total_pods:,}** | | {mem_total / 1024:,.0f} GiB |\n")
w("The JVM's allocation per request sets the young-generation churn: at the target a feed pod allocates "
  f"{next(r[5] for r in fn_rows if r[0] == 'feed') * RATE / max(1, next(r[9] for r in fn_rows if r[0] == 'feed')) / 2**20:,.0f}"
  " MiB/s.\n")

w("## Cache hit ratios (measured)\n")
w("| cache | measured | ratio |\n| --- | --- | ---: |")
w(f"| Redis keyspace (every read command on an existing vs a missing key) | {hits:,} hits, {misses:,} misses | "
  f"{hits / (hits + misses):.1%} |" if hits + misses else "| Redis keyspace | no reads | - |")
w(f"| feed: home timeline in Redis (8-day TTL) | {rebuilds:,} rebuilds (ZADDs outside the fan-out script) for "
  f"{feed_n:,} feed reads; they ran {rebuild_q:,} `feed_posts` queries (one per logical shard of the followees) | "
  f"{max(0.0, 1 - rebuilds / feed_n):.1%} |" if feed_n else "")
w(f"| feed: followee list in Redis (60 s TTL) | {followee_q:,} `feed_follows` queries for {feed_n:,} feed reads | "
  f"{max(0.0, 1 - followee_q / feed_n):.1%} |" if feed_n else "")
w(f"| feed: database reads per feed read | {feed_db_reads:,.0f} `surge_db_reads` for {feed_n:,} feed reads "
  "(rebuilds, followee and card misses) | " f"{feed_db_reads / feed_n:.2f} per read |" if feed_n else "")
w(f"| posts: author timeline | {author_tl_q:,} `posts where author_id` queries for {timeline_n:,} timeline reads | "
  f"{max(0.0, 1 - author_tl_q / timeline_n):.1%}: not cached, every read is a database read |" if timeline_n else "")
for k, v in sorted(cache_gets.items()):
    w(f"| shared-cache {k} (`surge_cache_gets_total`) | {v:,.0f} gets | |")
w("")
w(f"The seeded users are new on every run, so a user's first home-feed read builds their timeline; the warm-up "
  f"({M['warmup']['feed']['n']:,} feed reads over {M['graph']['users']} users) builds most of them. In production "
  "a timeline lives 8 days, so the steady-state hit ratio is higher than measured here; the model uses the "
  "measured database reads anyway (conservative).\n")

w("## Redis Cluster\n")
w(f"- Measured: **{redis_per_req:.2f} commands per mix request** ({redis_cmds:,.0f} in the window, idle rate taken "
  f"off); Redis spent {fmt(redis_cpu_us, 1)} µs of CPU per command on this machine "
  f"({1e6 / redis_cpu_us if redis_cpu_us else 0:,.0f} commands per core-second). Top commands: "
  + ", ".join(f"{k} {v:,}" for k, v in list(R["by_command"].items())[:8]) + ".")
w(f"- At {RATE:,}/s: **{redis_ops:,.0f} commands/s** / ({A('redis_ops_per_shard'):,} x {A('redis_headroom')}) = "
  f"**{redis_shards_ops:,} shards for throughput**.")
w(f"- Memory, with {resident / 1e6:,.0f} M resident users and {posts_s:,.0f} posts/s (sizes measured with "
  "`MEMORY USAGE` on the keys the run left):\n")
w("| keys | count | bytes each | total | basis |\n| --- | ---: | ---: | ---: | --- |")
for label, n, b, why in mem_rows:
    w(f"| {label} | {n / 1e6:,.1f} M | {b:,.0f} | {n * b / 1e9:,.0f} GB | {why} |")
w(f"| **all** | | | **{redis_bytes / 1e9:,.0f} GB** | |\n")
w(f"- Shards for memory: {redis_bytes / 1e9:,.0f} GB / {A('redis_memory_per_shard_gb')} GB = "
  f"**{redis_shards_mem:,}**.")
w(f"- **Redis Cluster: {redis_shards:,} primary shards** (the larger of the two), each with "
  f"{A('redis_replicas_per_shard')} replica: **{redis_shards * (1 + A('redis_replicas_per_shard')):,} nodes**. "
  + ("Memory, not throughput, decides it: most of it is post bodies, held 2 days at 100,000 posts/s." if
     redis_shards_mem > redis_shards_ops else "Throughput decides it.") + "\n")

w("## PostgreSQL\n")
w(f"- Measured, all instances, load only: {pg_kind['write']:,.0f} write statements, "
  f"{pg_kind['read'] + pg_kind['other']:,.0f} read statements, {pg_kind['transaction']:,.0f} BEGIN/COMMIT and "
  f"{pg_kind['lsn']:,.0f} LSN reads (consistency tokens, replica lag checks) for {N:,} requests: "
  f"**{writes_per_req:.3f} writes and {reads_per_req:.3f} reads per mix request**. The functions' connections "
  f"spent {pg_cpu:.2f} s of CPU above their idle rate, {fmt(pg_us_per_stmt, 1)} µs per statement (the servers' "
  f"whole process trees, idle rate taken off: {pg_tree_cpu:.2f} s; they also carry WAL shipping, checkpoints and "
  "other databases' tests on these shared instances, so the connections' figure is the one used).")
w(f"- Writes at {RATE:,}/s: **{writes_s:,.0f} statements/s**. By rate: / {A('pg_write_stmts_per_primary'):,} = "
  f"{primaries_rate:,} primaries; by measured CPU ({primary_stmts_s:,.0f} statements/s with their BEGIN/COMMIT and LSN "
  f"reads on {A('pg_vcpu')} vCPU at {A('target_cpu'):.0%}): {primaries_cpu:,}. **{primaries:,} primaries**.")
w(f"- Reads after the caches: **{reads_s:,.0f} statements/s**. By rate: / {A('pg_read_stmts_per_replica'):,} = "
  f"{replicas_rate:,} replicas; by measured CPU: {replicas_cpu:,}; at least {A('pg_min_replicas_per_primary')} "
  f"per primary. **{replicas:,} replicas**.")
w(f"- 1,024 logical shards cap the primaries at 1,024; {primaries:,} leaves room to split further.")
w("- Statements in the window (all instances, with idle):\n")
w("| calls | per mix request | kind | statement |\n| ---: | ---: | --- | --- |")
for q, (c, kind) in sorted(stmt_calls.items(), key=lambda x: -x[1][0])[:12]:
    w(f"| {c:,} | {c / N:.3f} | {kind} | `{q.replace('|', '/')}` |")
w("")

w("## Kafka\n")
w(f"- Measured: **{records:,} records published per {N:,} requests** ({records_per_req:.3f} per request, all from "
  f"compose: one `surge.posts.events` record per post), {bytes_per_record:,.0f} bytes per record on disk; "
  f"{handled:,.0f} events handled by consumers.")
w(f"- At {RATE:,}/s: **{records_s:,.0f} records/s**, {records_s * bytes_per_record / 1e6:,.1f} MB/s before "
  f"replication.\n")
w("| topic | bytes in the window | records/s at 1M req/s | partitions |\n| --- | ---: | ---: | ---: |")
for topic, b, rs, parts in topic_rows:
    w(f"| {topic} | {b:,} | {rs:,.0f} | **{parts:,}** |")
w("")
w(f"- Partitions = records/s / {A('kafka_records_per_partition')} (the in-order consumer is the limit, not the "
  "broker). Consumer parallelism: each partition needs one consumer thread; at 3 consumers per process "
  "(`surge.events.consumers`) the feed needs "
  f"{ceil(sum(p for t, _, _, p in topic_rows if 'posts' in t) / 3):,} pods just to hold the posts topic's "
  "partitions, compare with its pod count above. Partition counts cannot shrink, so round up to the next "
  "multiple of the consumer pod count; topics.yaml's prod figure (24) covers a small fraction of this. On "
  "Knative the KafkaSource dispatcher delivers the records with the same per-partition ordering, so the same "
  "partition count sets its parallelism.")
w(f"- Brokers: {broker_mb:,.0f} MB/s with {A('kafka_replication')}x replication / {A('kafka_mb_per_broker')} MB/s = "
  f"**{brokers:,} brokers** (at least 3).\n")

w("## Summary for 1,000,000 requests/s\n")
w("| what | how many |\n| --- | ---: |")
for fn, *_rest in fn_rows:
    r = next(x for x in fn_rows if x[0] == fn)
    w(f"| {fn} pods ({A('pod_vcpu'):g} vCPU / {r[10]} MiB) | {r[9]:,} |")
w(f"| Redis Cluster primaries (+{A('redis_replicas_per_shard')} replica each) | {redis_shards:,} |")
w(f"| PostgreSQL primaries ({A('pg_vcpu')} vCPU) | {primaries:,} |")
w(f"| PostgreSQL replicas ({A('pg_vcpu')} vCPU) | {replicas:,} |")
for topic, b, rs, parts in topic_rows:
    w(f"| Kafka partitions, {topic} | {parts:,} |")
w(f"| Kafka brokers | {brokers:,} |\n")

w("## Risks and what this does not cover\n")
w("- **Graph shape.** The seeded graph has a median out-degree of "
  f"{M['graph']['median_out_degree']} and 200 users; fan-out per post (Redis ZADDs and feed CPU per compose) grows "
  "with followers per author up to the celebrity threshold (1,000 in production vs 40 here). Re-measure with a "
  "larger graph before trusting the feed and Redis lines.")
w("- **Hot keys.** Every feed read of a celebrity's follower reads that celebrity's recent list; one key on one "
  "shard can take a large share of 600,000 feed reads/s. Needs an in-process cache of celebrities' recent lists "
  "or read replicas for those slots.")
gets = R["by_command"].get("get", 0)
if feed_n and gets:
    w(f"- **Redis GETs per feed read.** {gets:,} GETs for {feed_n:,} feed reads ({gets / feed_n:.0f} each: the "
      "page's post bodies and author cards, one command per key, since keys are hash-tagged per id and land on "
      "different slots) are most of the Redis commands, so they set the throughput shard count. Author cards are "
      "shared by every reader: an in-process cache of them, like shared-cache's L1, would take a large part "
      "of these off Redis.")
relay = sum(c for q, (c, k) in stmt_calls.items() if "outbox_events set" in q)
w(f"- **The outbox relay's own statements** (claim and mark-published updates on `outbox_events`) were {relay:,} "
  f"of the window's {sum(c for c, k in stmt_calls.values() if k == 'write'):,} write statements: the relay is "
  "nudged after every commit and also polls each shard every second from every producing pod, so at thousands "
  "of pods per function the polls alone are thousands of updates per second per shard. Batching the nudges or "
  "polling less often when nudges arrive would cut the write line above.")
w("- **Author timelines are not cached**: all of the 30 % go to PostgreSQL, which is most of the read line above.")
w("- **Noise.** 2 shared cores, with other work on the machine (see the load average): CPU time per request is "
  "less sensitive to that than throughput, but JIT, GC and cache effects still move it. The dev Redis and "
  "PostgreSQL instances may also have been used by other tests in the window (keys `test:*` in Redis).")
w("- Not covered: the ingress and load balancer, TLS, cross-zone traffic, PostgreSQL storage and WAL volume, "
  "the Knative activator, scale-from-zero bursts, and a second region.")
print("\n".join(x for x in out if x is not None))
