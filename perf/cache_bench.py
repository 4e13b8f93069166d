"""Issue 5 benchmark and checks for the users function on the multi-level cache.

Run by perf/cache-bench.sh, which documents the set-up. Everything is measured in one run on this
machine: two users processes (A, B) sharing one Redis, a third (C) with the cache switched off.
Database queries are counted by PostgreSQL itself (pg_stat_statements on both shard primaries and
shard1's replica, which serves shard1's reads).
"""
import concurrent.futures as cf
import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

A, B, C = "http://127.0.0.1:8180", "http://127.0.0.1:8181", "http://127.0.0.1:8182"
PG = ["5433", "5434", "5435"]
OUT = sys.argv[1]
SECS = int(sys.argv[2])
REDIS_PORT = sys.argv[3]
IDS = [line.strip() for line in open(f"{OUT}/ids.txt")]
results = {}


def psql(port, sql):
    # As postgres (trust on loopback for the dev shards): resetting the statistics needs it.
    return subprocess.run(["psql", "-X", "-At", "-h", "127.0.0.1", "-p", port, "-U", "postgres",
                           "-d", "surge", "-c", sql], capture_output=True, text=True,
                          env={**os.environ, "PGPASSWORD": "surge"}, check=True).stdout.strip()


def reset_queries():
    for port in PG:
        psql(port, "select pg_stat_statements_reset()")


def profile_queries():
    """Calls of the profile load (users by id) on every instance since the last reset."""
    total = 0
    for port in PG:
        out = psql(port, "select coalesce(sum(calls), 0) from pg_stat_statements "
                         "where dbid = (select oid from pg_database where datname = 'surge') "
                         "and query ~* '^select .* from users where id = \\$1$'")
        total += int(out or 0)
    return total


def get(base, path, headers=None, method="GET", body=None, timeout=10):
    req = urllib.request.Request(base + path, method=method, headers=headers or {},
                                 data=None if body is None else json.dumps(body).encode())
    if body is not None:
        req.add_header("content-type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()
    except Exception as e:  # connection reset, timeout: counted as a failure by callers
        return 0, {}, str(e).encode()


def metric(base, name, **tags):
    text = get(base, "/q/metrics")[2].decode()
    total = 0.0
    for line in text.splitlines():
        if not line.startswith(name + "{") and not line.startswith(name + " "):
            continue
        if all(f'{k}="{v}"' in line for k, v in tags.items()):
            # "name{tags} value" or, with an exemplar, "name{tags} value # {...} 1.0 ts"
            total += float(line.split("} ", 1)[1].split()[0] if "}" in line else line.split()[1])
    return total


def stampede():
    uncached = IDS[-1]  # rank 100,000: never read before this check
    reset_queries()
    barrier = threading.Barrier(1000)

    def one(i):
        barrier.wait()
        return get(A if i % 2 == 0 else B, f"/users/{uncached}")[0]

    with cf.ThreadPoolExecutor(1000) as pool:
        codes = list(pool.map(one, range(1000)))
    results["stampede"] = {"requests": 1000, "instances": 2, "ok": codes.count(200),
                           "database_queries": profile_queries()}


def penetration():
    rng = random.Random(7)
    # Valid ids (right layout, any shard) from a millisecond no seeded user has: all absent.
    missing = [str(((10**9 + rng.randrange(10**6)) << 22) | (rng.randrange(1024) << 12)
                   | rng.randrange(4096)) for _ in range(10_000)]
    reset_queries()
    with cf.ThreadPoolExecutor(32) as pool:
        codes = list(pool.map(lambda p: get(A if p[0] % 2 else B, f"/users/{p[1]}")[0],
                              enumerate(missing)))
    results["penetration"] = {"requests": 10_000, "not_found": codes.count(404),
                              "database_queries": profile_queries()}


def consistency(rounds=100):
    email = f"bench-{time.time_ns()}@surge.dev"
    status, headers, body = get(A, "/users", method="POST", body={
        "email": email, "handle": f"b{time.time_ns() % 10**12}", "displayName": "Bench",
        "password": "correct horse battery"})
    assert status == 201, body
    uid = json.loads(body)["id"]
    token = json.loads(get(A, "/sessions", method="POST", body={
        "email": email, "password": "correct horse battery"})[2])["accessToken"]
    stop = threading.Event()

    def reader(base):  # keeps both L1s warm with whatever is current
        while not stop.is_set():
            get(base, f"/users/{uid}")

    readers = [threading.Thread(target=reader, args=(b,)) for b in (A, B, A, B)]
    for t in readers:
        t.start()
    stale = {"150ms": 0, "400ms": 0}
    for r in range(rounds):
        bio = f"round {r}"
        writer = A if r % 2 == 0 else B
        status = get(writer, "/users/me", method="PATCH", body={"bio": bio},
                     headers={"authorization": f"Bearer {token}"})[0]
        assert status == 200, status
        # 150 ms: the pub/sub delete is long done, but a reader may have loaded the old row from
        # a lagging replica after it. 400 ms: past the delayed second delete (300 ms), the window
        # the design promises.
        for wait, label in ((0.15, "150ms"), (0.25, "400ms")):
            time.sleep(wait)
            for base in (A, B):
                if json.loads(get(base, f"/users/{uid}")[2])["bio"] != bio:
                    stale[label] += 1
    stop.set()
    for t in readers:
        t.join()
    results["consistency"] = {"rounds": rounds, "reads_per_check": rounds * 2,
                              "stale_reads": stale}


def redis_down():
    """Uniform reads over all 100,000 users on A and B (mostly L2 hits: the L1s hold 10,000 each),
    so losing Redis moves real load onto the database. Redis SIGKILLed at 3 s, restarted at 7 s,
    run ends at 12 s."""
    counts = {"ok": 0, "5xx": 0, "other": 0}
    lock = threading.Lock()
    stop = threading.Event()
    db_peak = [0]

    def client(i):
        rng = random.Random(i)
        while not stop.is_set():
            status = get(A if i % 2 else B, f"/users/{rng.choice(IDS)}")[0]
            with lock:
                key = "ok" if status == 200 else "5xx" if status >= 500 else "other"
                counts[key] += 1

    circuit_seen = set()

    def sample_circuit():
        while not stop.is_set():
            circuit_seen.add(int(metric(A, "surge_cache_circuit_state", circuit="redis")))
            time.sleep(0.2)

    def sample_db():
        while not stop.is_set():
            n = sum(int(psql(p, "select count(*) from pg_stat_activity where state = 'active' "
                                "and query ~* '^select .* from users where id'")) for p in PG)
            db_peak[0] = max(db_peak[0], n)
            time.sleep(0.02)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(32)]
    threads.append(threading.Thread(target=sample_db))
    threads.append(threading.Thread(target=sample_circuit))
    for t in threads:
        t.start()
    time.sleep(3)
    pid = int(open(f"{OUT}/redis.pid").read())
    os.kill(pid, signal.SIGKILL)
    time.sleep(4)
    subprocess.run(["redis-server", "--port", REDIS_PORT, "--bind", "127.0.0.1", "--save", "",
                    "--appendonly", "no", "--daemonize", "yes", "--pidfile", f"{OUT}/redis.pid",
                    "--logfile", f"{OUT}/redis.log"], check=True)
    time.sleep(5)
    stop.set()
    for t in threads:
        t.join()
    closed_after = None
    for s in range(30):
        if all(metric(b, "surge_cache_circuit_state", circuit="redis") == 0 for b in (A, B)):
            closed_after = s
            break
        get(A, f"/users/{IDS[0]}")
        get(B, f"/users/{IDS[0]}")
        time.sleep(1)
    results["redis_down"] = {**counts, "db_active_peak": db_peak[0],
                             "circuit_states_seen_on_A": sorted(circuit_seen),
                             "circuit_closed_within_s_after_run": closed_after}


def wrk(base, path, script=None, conns=64):
    cmd = ["wrk", "-t2", f"-c{conns}", f"-d{SECS}s", "--latency"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run(cmd + [base + path], capture_output=True, text=True,
                         env={**os.environ, "IDS_FILE": f"{OUT}/ids.txt"}).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    return {"rps": rps, "requests": requests, "p50": lat.get("50"), "p99": lat.get("99"),
            "non_2xx": int(non2xx.group(1)) if non2xx else 0}


def levels(base):
    return {lvl: metric(base, "surge_cache_gets_total", cache="profiles", level=lvl)
            for lvl in ("l1", "l2", "bloom", "loader")}


def warm_every_id():
    """Reads every seeded id once through A: Redis then holds the whole working set, as it does
    in production across deploys and scale-to-zero (L2 outlives every function instance)."""
    with cf.ThreadPoolExecutor(32) as pool:
        list(pool.map(lambda i: get(A, f"/users/{i}"), IDS))


def zipf_workload():
    wrk(A, "/", "perf/zipf.lua")  # warm-up
    results["zipf_partly_warm"] = zipf_measured()
    warm_every_id()
    results["zipf_cached"] = zipf_measured()
    reset_queries()
    off = wrk(C, "/", "perf/zipf.lua")
    results["zipf_no_cache"] = {**off, "db_queries_per_1000": round(
        1000 * profile_queries() / max(1, off["requests"]), 1)}


def zipf_measured():
    before = levels(A)
    reset_queries()
    run = wrk(A, "/", "perf/zipf.lua")
    after = levels(A)
    gets = {k: after[k] - before[k] for k in after}
    total = sum(gets.values()) or 1
    queries = profile_queries()
    return {**run, "gets": int(total),
            "hit_ratio": {k: round(v / total, 4) for k, v in gets.items()},
            "db_queries_per_1000": round(1000 * queries / total, 2)}


def l1_vs_plaintext():
    hot = IDS[0]
    get(A, f"/users/{hot}")
    ping = wrk(A, "/ping")
    l1 = wrk(A, f"/users/{hot}")
    ping2 = wrk(A, "/ping")  # ping before and after: the machine's drift shows as their gap
    results["l1_vs_plaintext"] = {"ping_rps": [ping["rps"], ping2["rps"]], "l1_rps": l1["rps"],
                                  "ratio": round(l1["rps"] / ((ping["rps"] + ping2["rps"]) / 2), 3)}


printed = set()
for step in (stampede, penetration, consistency, redis_down, zipf_workload, l1_vs_plaintext):
    print(f"[cache-bench] {step.__name__} ...", flush=True)
    step()
    print(json.dumps({k: results[k] for k in results if k not in printed}), flush=True)
    printed.update(results)
json.dump(results, open(f"{OUT}/results.json", "w"), indent=2)
print(json.dumps(results, indent=2))
