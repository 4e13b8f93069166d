"""Measures what the mixed workload costs, for perf/capacity.py; run by perf/capacity.sh (which
documents the set-up). Seeds the graph and runs the mixed workload with perf/social_bench.py's own
code (60 % home feed, 30 % author timeline, 10 % compose), once to warm the JITs and once measured,
and takes a snapshot of every counter before and after the measured run:

  per function  CPU seconds (utime+stime in /proc/<pid>/stat), RSS, requests served
                (http_server_requests_seconds_count), bytes allocated, cache gets by level,
                database reads by target, outbox records published, events handled
  PostgreSQL    per instance: pg_stat_statements calls by statement, pg_stat_database deltas, CPU
                of the postmaster and its children
  Redis         INFO commandstats, total commands, keyspace hits/misses, memory, CPU
  Kafka         bytes appended per topic (log segment sizes), broker CPU

An idle baseline (IDLE seconds, default 10, no requests) between the two runs gives what each
process spends with no load (relay polls, replica health checks), which perf/capacity.py takes off
the measured figures. The "after" snapshot is taken once the feed's consumer lag is back to 0, so the fan-out the
measured requests caused is in it. Writes <out>/measured.json.
  python3 perf/capacity_measure.py <out dir> <seconds>   (FN_PIDS="users=<pid> graph=<pid> ...")
"""
import collections, json, os, platform, re, subprocess, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import social_bench as sb  # noqa: E402

OUT, SECS = sys.argv[1], int(sys.argv[2])
WARMUP = int(os.environ.get("WARMUP", SECS))
IDLE = int(os.environ.get("IDLE", 10))
PORTS = {"users": 8180, "graph": 8182, "posts": 8183, "feed": 8184, "recommendations": 8185}
PIDS = dict(x.split("=") for x in os.environ["FN_PIDS"].split())
PG = {"shard1": 5433, "shard2": 5434, "shard1-replica": 5435}
PG_ROLE = {"shard1": "primary", "shard2": "primary", "shard1-replica": "replica"}
KAFKA_DATA = ".surge/kafka/data"
TICK = os.sysconf("SC_CLK_TCK")


# --- readers ---------------------------------------------------------------------------------

def proc_ticks(pid, children=False):
    """utime+stime of pid (and, with children, of its reaped children: cutime+cstime)."""
    f = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return int(f[11]) + int(f[12]) + ((int(f[13]) + int(f[14])) if children else 0)


def proc_status(pid, key):
    m = re.search(rf"^{key}:\s+(\d+) kB", open(f"/proc/{pid}/status").read(), re.M)
    return int(m.group(1)) * 1024 if m else None


def tree_ticks(root):
    """CPU of a server and its worker processes (PostgreSQL backends): the root with its reaped
    children, plus every live child."""
    total = proc_ticks(root, children=True)
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = open(f"/proc/{d}/stat").read().rsplit(")", 1)[1].split()
                if int(stat[1]) == root:
                    total += int(stat[11]) + int(stat[12])
            except (FileNotFoundError, ProcessLookupError):
                pass
    return total


def prometheus(port):
    """/q/metrics as a list of (name, labels, value)."""
    text = sb.call(f"http://127.0.0.1:{port}/q/metrics")[1].decode()
    out = []
    for line in text.splitlines():
        m = re.match(r'^([a-zA-Z_:][\w:]*)(?:\{((?:\w+="(?:[^"\\]|\\.)*",?)*)\})?\s+(\S+)', line)  # then an exemplar
        if m and not line.startswith("#"):
            labels = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', m.group(2) or ""))
            try:
                out.append((m.group(1), labels, float(m.group(3))))
            except ValueError:
                pass
    return out


def psql(port, sql):
    env = {**os.environ, "PGPASSWORD": os.environ.get("QUARKUS_DATASOURCE_PASSWORD", "surge")}
    user = os.environ.get("QUARKUS_DATASOURCE_USERNAME", "surge")
    out = subprocess.run(["psql", "-X", "-h", "127.0.0.1", "-p", str(port), "-U", user, "-d", "surge",
                          "-At", "-F", "\x1f", "-c", sql], capture_output=True, text=True, env=env, check=True)
    return [line.split("\x1f") for line in out.stdout.splitlines()]


def redis_info():
    out = subprocess.run(["redis-cli", "-p", "6379", "INFO", "all"], capture_output=True, text=True, check=True)
    info = {}
    for line in out.stdout.splitlines():
        if ":" in line and not line.startswith("#"):
            k, v = line.strip().split(":", 1)
            info[k] = v
    return info


def redis(*args):
    return subprocess.run(["redis-cli", "-p", "6379", *args], capture_output=True, text=True, check=True).stdout


def kafka_bytes():
    sizes = collections.Counter()
    for d in os.listdir(KAFKA_DATA):
        if d.startswith("surge."):
            topic = d.rsplit("-", 1)[0]
            for f in os.listdir(f"{KAFKA_DATA}/{d}"):
                if f.endswith(".log"):
                    sizes[topic] += os.path.getsize(f"{KAFKA_DATA}/{d}/{f}")
    return dict(sizes)


def backend_ticks(port):
    ticks = {}
    for (pid,) in psql(port, "select pid from pg_stat_activity where datname = 'surge'"
                             " and backend_type = 'client backend' and pid <> pg_backend_pid()"):
        try:
            ticks[pid] = proc_ticks(int(pid))
        except FileNotFoundError:
            pass
    return ticks


def pg_postmaster(port):
    return int(open(f"/var/run/postgresql/.s.PGSQL.{port}.lock").readline())


# --- snapshot --------------------------------------------------------------------------------

def snapshot():
    snap = {"t": time.time(), "client_cpu_s": sum(os.times()[:4]), "functions": {}, "pg": {}}
    for fn, port in PORTS.items():
        pid = int(PIDS[fn])
        snap["functions"][fn] = {"cpu_ticks": proc_ticks(pid), "rss": proc_status(pid, "VmRSS"),
                                 "rss_peak": proc_status(pid, "VmHWM"), "metrics": prometheus(port)}
    for name, port in PG.items():
        stmts = psql(port, "select s.queryid, s.calls, s.rows, left(regexp_replace(s.query, '\\s+', ' ', 'g'), 160)"
                           " from pg_stat_statements s join pg_database d on d.oid = s.dbid"
                           " where d.datname = 'surge' and s.query <> '<insufficient privilege>'")
        db = psql(port, "select xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated,"
                        " tup_deleted, blks_read, blks_hit from pg_stat_database where datname = 'surge'")[0]
        snap["pg"][name] = {
            "statements": {q[0]: {"calls": int(q[1]), "rows": int(q[2]), "query": q[3]} for q in stmts},
            "db": dict(zip(["xact_commit", "xact_rollback", "tup_returned", "tup_fetched", "tup_inserted",
                            "tup_updated", "tup_deleted", "blks_read", "blks_hit"], map(int, db))),
            "cpu_ticks": tree_ticks(pg_postmaster(port)),
            # The functions' pooled connections to the surge database (tests use surge_test).
            "backend_ticks": backend_ticks(port)}
    info = redis_info()
    snap["redis"] = {"info": info, "cpu_ticks": proc_ticks(int(info["process_id"]))}
    snap["kafka"] = {"bytes": kafka_bytes(),
                     "cpu_ticks": proc_ticks(int(open(".surge/kafka/kafka.pid").read().split()[0]))}
    return snap


# --- deltas ----------------------------------------------------------------------------------

def msum(metrics, name, **match):
    return sum(v for n, lab, v in metrics if n == name and all(lab.get(k) == w for k, w in match.items()))


def mgroup(before, after, name, keys):
    """Delta of a counter by the given labels, {"label1/label2": delta}, zero rows dropped."""
    def grouped(metrics):
        g = collections.Counter()
        for n, lab, v in metrics:
            if n == name:
                g["/".join(lab.get(k, "") for k in keys)] += v
        return g
    b, a = grouped(before), grouped(after)
    return {k: round(a[k] - b.get(k, 0), 3) for k in a if a[k] - b.get(k, 0)}


def classify(query):
    q = query.strip().lower()
    if q in ("begin", "commit", "rollback") or q.startswith(("begin", "savepoint", "release")):
        return "transaction"
    if "pg_current_wal_lsn" in q or "pg_last_wal_replay_lsn" in q:
        return "lsn"
    if q.startswith(("insert", "update", "delete", "merge")) or " for update" in q or (
            q.startswith("with") and re.search(r"\b(insert|update|delete)\b", q)):
        return "write"
    if q.lstrip("(").startswith(("select", "with", "values")):
        return "read"
    return "other"


def deltas(b, a):
    secs = a["t"] - b["t"]
    out = {"window_s": round(secs, 2), "client_cpu_s": round(a["client_cpu_s"] - b["client_cpu_s"], 2),
           "functions": {}, "pg": {}}
    for fn in PORTS:
        fb, fa = b["functions"][fn], a["functions"][fn]
        mb, ma = fb["metrics"], fa["metrics"]
        reqs = {k: v for k, v in mgroup(mb, ma, "http_server_requests_seconds_count", ["method", "uri", "status"]).items()
                if not k.split("/", 1)[1].startswith("/q/")}
        out["functions"][fn] = {
            "cpu_s": round((fa["cpu_ticks"] - fb["cpu_ticks"]) / TICK, 2),
            "rss_bytes": fa["rss"], "rss_peak_bytes": fa["rss_peak"],
            "heap_used_bytes": msum(ma, "jvm_memory_used_bytes", area="heap"),
            "heap_max_bytes": msum(ma, "jvm_memory_max_bytes", area="heap"),
            # Micrometer adds to the allocation counter at each young GC; add what Eden gained since.
            "allocated_bytes": msum(ma, "jvm_gc_memory_allocated_bytes_total") - msum(mb, "jvm_gc_memory_allocated_bytes_total")
            + msum(ma, "jvm_memory_used_bytes", id="G1 Eden Space") - msum(mb, "jvm_memory_used_bytes", id="G1 Eden Space"),
            "gc_pause_s": round(msum(ma, "jvm_gc_pause_seconds_sum") - msum(mb, "jvm_gc_pause_seconds_sum"), 3),
            "requests": int(sum(reqs.values())), "requests_by_route": reqs,
            "cache_gets": mgroup(mb, ma, "surge_cache_gets_total", ["cache", "level"]),
            "cache_loads": mgroup(mb, ma, "surge_cache_loads_total", ["cache"]),
            "db_reads": mgroup(mb, ma, "surge_db_reads_total", ["instance", "target"]),
            "outbox_published": int(msum(ma, "surge_outbox_published_total") - msum(mb, "surge_outbox_published_total")),
            "events_handled": mgroup(mb, ma, "surge_events_handled_total", ["type", "outcome"]),
        }
    for name in PG:
        pb, pa = b["pg"][name], a["pg"][name]
        kinds, top = collections.Counter(), []
        for qid, s in pa["statements"].items():
            d = s["calls"] - pb["statements"].get(qid, {"calls": 0})["calls"]
            if d and "pg_stat_" not in s["query"]:  # not this script's own reads
                kinds[classify(s["query"])] += d
                top.append({"calls": d, "kind": classify(s["query"]), "query": s["query"]})
        out["pg"][name] = {"role": PG_ROLE[name], "statements": dict(kinds),
                           "top_statements": sorted(top, key=lambda x: -x["calls"])[:15],
                           "db": {k: pa["db"][k] - pb["db"][k] for k in pa["db"]},
                           "cpu_s": round((pa["cpu_ticks"] - pb["cpu_ticks"]) / TICK, 2),
                           "backend_cpu_s": round(sum(t - pb["backend_ticks"].get(pid, 0)
                                                      for pid, t in pa["backend_ticks"].items()) / TICK, 2)}
    ib, ia = b["redis"]["info"], a["redis"]["info"]
    def cmdstats(info):
        return {k[8:]: int(re.search(r"calls=(\d+)", v).group(1)) for k, v in info.items() if k.startswith("cmdstat_")}
    cb, ca = cmdstats(ib), cmdstats(ia)
    out["redis"] = {"commands": int(ia["total_commands_processed"]) - int(ib["total_commands_processed"]),
                    "by_command": dict(sorted(((k, v - cb.get(k, 0)) for k, v in ca.items() if v - cb.get(k, 0)),
                                              key=lambda x: -x[1])),
                    "keyspace_hits": int(ia["keyspace_hits"]) - int(ib["keyspace_hits"]),
                    "keyspace_misses": int(ia["keyspace_misses"]) - int(ib["keyspace_misses"]),
                    "used_memory_bytes": int(ia["used_memory"]),
                    "cpu_s": round((a["redis"]["cpu_ticks"] - b["redis"]["cpu_ticks"]) / TICK, 2)}
    out["kafka"] = {"bytes_by_topic": {t: v - b["kafka"]["bytes"].get(t, 0) for t, v in a["kafka"]["bytes"].items()
                                       if v - b["kafka"]["bytes"].get(t, 0)},
                    "cpu_s": round((a["kafka"]["cpu_ticks"] - b["kafka"]["cpu_ticks"]) / TICK, 2)}
    return out


def redis_keys(sample=50):
    """Keys now in Redis by pattern (ids replaced by *): count, type, sampled bytes and elements."""
    groups = collections.defaultdict(list)
    for key in redis("--scan").split():
        groups[re.sub(r"\d+", "*", key)].append(key)
    out = {}
    for pattern, keys in sorted(groups.items()):
        kind = redis("TYPE", keys[0]).strip()
        size_cmd = {"zset": "ZCARD", "set": "SCARD", "hash": "HLEN", "list": "LLEN", "string": "STRLEN"}.get(kind)
        mem, elems = [], []
        for k in keys[:sample]:
            m = redis("MEMORY", "USAGE", k).strip()
            if m.isdigit():
                mem.append(int(m))
                if size_cmd:
                    elems.append(int(redis(size_cmd, k).strip() or 0))
        out[pattern] = {"keys": len(keys), "type": kind,
                        "avg_bytes": round(sum(mem) / len(mem), 1) if mem else None,
                        "avg_elements": round(sum(elems) / len(elems), 1) if elems else None}
    return out


def main():
    load = open("/proc/loadavg").read().split()[:3]
    print("[capacity] seeding users, follows and posts ...", flush=True)
    sb.OUT, sb.SECS = OUT, WARMUP
    sb.seed()
    print(f"[capacity] warm-up: mixed workload for {WARMUP} s ...", flush=True)
    sb.mixed()
    warm = sb.results.pop("mixed")
    print(f"[capacity] idle baseline: {IDLE} s with no requests ...", flush=True)
    time.sleep(2)
    idle_before = snapshot()
    time.sleep(IDLE)
    idle = deltas(idle_before, snapshot())
    print(f"[capacity] measured: mixed workload for {SECS} s ...", flush=True)
    sb.SECS = SECS
    before = snapshot()
    sb.mixed()
    after = snapshot()
    measured = {
        "command": f"perf/capacity.sh {SECS}",
        "date_utc": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(before["t"])),
        "machine": {"cpus": os.cpu_count(), "model": next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                                                           if l.startswith("model name")), platform.machine()),
                    "kernel": platform.release(), "mem_bytes": os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"),
                    "loadavg_at_start": load,
                    "loadavg_at_end": open("/proc/loadavg").read().split()[:3]},
        "runtime": "JVM (quarkus-run.jar, -Xmx384m, Temurin 25)",
        "graph": sb.results["graph"], "warmup": warm, "mixed": sb.results["mixed"],
        "idle": idle, "delta": deltas(before, after), "redis_keys": redis_keys(),
    }
    with open(f"{OUT}/measured.json", "w") as f:
        json.dump(measured, f, indent=2)
    print(json.dumps({"mixed": measured["mixed"], "cpu_s": {k: v["cpu_s"] for k, v in measured["delta"]["functions"].items()}}))


main()
