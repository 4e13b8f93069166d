"""Issue 6 benchmark, run by perf/social-bench.sh (which documents the set-up).

All five functions run as JVM processes on this machine against the dev shards, Redis and
Kafka; one run, so the comparisons are ratios of figures taken minutes apart on the same machine.
"""
import base64, concurrent.futures as cf, json, os, random, re, subprocess, sys, time
import urllib.error, urllib.request

# perf/capacity_measure.py imports this module and sets OUT and SECS itself.
OUT, SECS = (sys.argv[1], int(sys.argv[2])) if __name__ == "__main__" else (None, None)
USERS, GRAPH, POSTS, FEED, RECS, NAIVE = (f"http://127.0.0.1:{p}" for p in (8180, 8182, 8183, 8184, 8185, 8190))
KEY = ".surge/jwt/private.pem"
results = {}


def call(url, method="GET", body=None, headers=None):
    req = urllib.request.Request(url, method=method, headers=headers or {},
                                 data=None if body is None else json.dumps(body).encode())
    if body is not None and not any(k.lower() == "content-type" for k in (headers or {})):
        req.add_header("content-type", "application/json")
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read(), time.perf_counter() - t
    except urllib.error.HTTPError as e:
        return e.code, e.read(), time.perf_counter() - t


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def token(user_id):
    now = int(time.time())
    head = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = b64(json.dumps({"iss": "https://surge.dev/users", "sub": str(user_id), "iat": now,
                             "exp": now + 7200, "jti": f"bench-{user_id}"}).encode())
    sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", KEY], input=f"{head}.{claims}".encode(),
                         capture_output=True, check=True).stdout
    return f"{head}.{claims}.{b64(sig)}"


def signup(i, tag):
    h = f"{tag}{i}_{time.time_ns() % 10**9}"
    s, body, dt = call(USERS + "/users", "POST", {"email": f"{h}@bench.surge", "handle": h,
                                                  "displayName": h, "password": "benchmark pass"})
    assert s == 201, body
    return json.loads(body)["id"], dt


def p(values, q):
    v = sorted(values)
    return round(1000 * v[min(len(v) - 1, int(q * len(v)))], 1)


def signup_sync_vs_async(n=200):
    """async: POST /users; welcome recommendations follow from Kafka. sync: the same sign-up, then
    the recommendations function applies the signed-up event in the same client request
    (POST /events, 202 once stored), as a synchronous call inside sign-up would."""
    lat = {"async": [], "sync": []}
    def one(i):
        mode = "sync" if i % 2 else "async"
        uid, dt = signup(i, "s")
        if mode == "sync":
            ev = {"specversion": "1.0", "id": f"bench-{uid}", "source": "/surge/users",
                  "type": "surge.users.signed-up.v1", "subject": uid,
                  "data": {"userId": uid, "handle": "x", "displayName": "x", "signedUpAt": "2026-11-24T00:00:00Z"}}
            s, _, dt2 = call(RECS + "/events", "POST", ev, {"content-type": "application/cloudevents+json"})
            assert s == 202
            dt += dt2
        return mode, dt
    with cf.ThreadPoolExecutor(4) as pool:
        for mode, dt in pool.map(one, range(2 * n)):
            lat[mode].append(dt)
    results["signup"] = {m: {"n": len(v), "p50_ms": p(v, .5), "p95_ms": p(v, .95)} for m, v in lat.items()}
    results["signup"]["p95_ratio_async_over_sync"] = round(
        results["signup"]["async"]["p95_ms"] / results["signup"]["sync"]["p95_ms"], 3)


def seed(users=200, posts_each=5):
    """Users through the users API, a power-law follow graph through the graph API (out-degree
    and popularity both Zipf-like: a few users followed by most), posts through the posts API."""
    with cf.ThreadPoolExecutor(8) as pool:
        ids = [uid for uid, _ in pool.map(lambda i: signup(i, "g"), range(users))]
    tokens = {u: token(u) for u in ids}
    rng = random.Random(11)
    weights = [1 / (r + 1) for r in range(users)]
    edges = set()
    for i, u in enumerate(ids):
        degree = min(users - 1, max(1, int(60 / (1 + i % 40) ** 0.8)))
        for t in rng.choices(ids, weights, k=degree):
            if t != u:
                edges.add((u, t))
    def follow(e):
        s, b, _ = call(f"{GRAPH}/users/{e[0]}/following/{e[1]}", "PUT", headers={"authorization": f"Bearer {tokens[e[0]]}"})
        assert s == 204, b
    def post(a):
        s, b, _ = call(POSTS + "/posts", "POST", {"text": f"seed post by {a[0]} #{a[1]}"},
                       {"authorization": f"Bearer {tokens[a[0]]}"})
        assert s == 201, b
    with cf.ThreadPoolExecutor(8) as pool:
        list(pool.map(follow, sorted(edges)))
        list(pool.map(post, [(u, k) for u in ids for k in range(posts_each)]))
    with open(f"{OUT}/tokens.txt", "w") as f:
        f.writelines(f"{u} {tokens[u]}\n" for u in ids)
    followers = {}
    for _, t in edges:
        followers[t] = followers.get(t, 0) + 1
    results["graph"] = {"users": users, "follows": len(edges), "posts": users * posts_each,
                        "max_followers": max(followers.values()), "median_out_degree":
                        sorted([sum(1 for e in edges if e[0] == u) for u in ids])[users // 2]}
    # Wait for the feed's projections to catch up (consumer lag 0).
    for _ in range(120):
        text = call(FEED + "/q/metrics")[1].decode()
        lags = [float(x) for x in re.findall(r'surge_events_consumer_lag\{group="feed",topic="[^"]+"\} (\S+)', text)]
        if lags and max(lags) == 0:
            break
        time.sleep(1)
    return ids, tokens


def wrk(url, script, conns, env=None, secs=None):
    out = subprocess.run(["wrk", "-t2", f"-c{conns}", f"-d{secs or SECS}s", "--latency", "-s", script, url],
                         capture_output=True, text=True, env={**os.environ, "TOKENS_FILE": f"{OUT}/tokens.txt", **(env or {})}).stdout
    lat = dict(re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    p95 = re.search(r"p95_us (\d+)", out)
    lat["95"] = f"{int(p95.group(1)) / 1000:.2f}ms" if p95 else None
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "p50": lat.get("50"), "p90": lat.get("90"), "p95": lat.get("95"), "p99": lat.get("99"),
            "non_2xx": int(non2xx.group(1)) if non2xx else 0}


def feed_chained_vs_events():
    results["feed_event_driven"] = wrk(FEED + "/", "perf/feed.lua", 16)
    results["feed_chained_rest"] = wrk(NAIVE + "/", "perf/feed.lua", 16, {"NAIVE": "1"})
    results["feed_event_driven_again"] = wrk(FEED + "/", "perf/feed.lua", 16)


def feed_lag():
    """The feed consumer group's records not yet committed (dev/KafkaAdmin.java lag)."""
    libs = os.path.expanduser("~/.cache/surge/kafka-4.4.0/libs/*")
    out = subprocess.run([os.environ.get("JAVA", "java"), "-cp", libs, "dev/KafkaAdmin.java", "lag",
                          "127.0.0.1:9092", "feed"], capture_output=True, text=True, check=True).stdout
    return int(out.split()[-1])


def mixed(threads=32):
    """60 % home feed, 30 % author timeline, 10 % compose, each request drawn at random by one of
    32 client threads (one process, so the mix is exact whatever each endpoint's speed)."""
    users = [line.split() for line in open(f"{OUT}/tokens.txt")]
    lat, errors, stop = {"feed": [], "timeline": [], "compose": []}, [0], time.time() + SECS
    def client(seed):
        rng = random.Random(seed)
        while time.time() < stop:
            uid, tok = rng.choice(users)
            r = rng.random()
            if r < 0.6:
                kind, (s, _, dt) = "feed", call(FEED + "/feed", headers={"authorization": f"Bearer {tok}"})
            elif r < 0.9:
                kind, (s, _, dt) = "timeline", call(f"{POSTS}/users/{rng.choice(users)[0]}/posts?limit=20")
            else:
                kind, (s, _, dt) = "compose", call(POSTS + "/posts", "POST", {"text": "mixed load"},
                                                   {"authorization": f"Bearer {tok}"})
            lat[kind].append(dt)
            if s >= 400:
                errors[0] += 1
    with cf.ThreadPoolExecutor(threads) as pool:
        list(pool.map(client, range(threads)))
    every = [x for v in lat.values() for x in v]
    # Does fan-out keep up? The feed group's backlog when the load stops, and how long it takes
    # to drain (commits are throttled, so a few seconds is the floor).
    backlog, t0 = feed_lag(), time.time()
    while feed_lag() > 0 and time.time() - t0 < 600:
        time.sleep(1)
    drained = round(time.time() - t0, 1)
    results["mixed"] = {"seconds": SECS, "threads": threads, "errors": errors[0],
                        "feed_backlog_at_end": backlog, "feed_backlog_drained_s": drained,
                        "requests": len(every), "total_rps": round(len(every) / SECS, 1), "p50_ms": p(every, .5), "p99_ms": p(every, .99),
                        **{k: {"n": len(v), "share": round(len(v) / len(every), 3), "p50_ms": p(v, .5), "p99_ms": p(v, .99)}
                           for k, v in lat.items()}}


if __name__ == "__main__":
    STEPS = os.environ.get("STEPS", "signup_sync_vs_async,seed,feed_chained_vs_events,mixed").split(",")
    for step in [globals()[name] for name in STEPS]:
        print(f"[social-bench] {step.__name__} ...", flush=True)
        step()
        print(json.dumps({k: v for k, v in results.items()}, indent=None)[:1500], flush=True)
    json.dump(results, open(f"{OUT}/results.json", "w"), indent=2)
    print(json.dumps(results, indent=2))
