#!/usr/bin/env python3
"""Cold start of one function: process exec -> first HTTP 200, native vs JVM in the same run.

Each sample starts a fresh process, polls one URL every millisecond until it answers 200 and
records the elapsed time. Modes are interleaved so machine noise hits both alike. Before each
sample the user's Redis entry is deleted, so GET /users/{id} pays for opening PostgreSQL and
Redis connections and reading the database. Finally one process per mode serves 1,000 requests
and its RSS is read from /proc.
"""
import argparse, http.client, json, os, statistics, subprocess, sys, time


def wait_for_200(port, path, deadline_s=60.0):
    start = time.monotonic()
    while time.monotonic() - start < deadline_s:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", path)
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return
        except OSError:
            pass
        time.sleep(0.001)
    raise RuntimeError(f"no 200 on {path} within {deadline_s}s")


def start(cmd, port):
    env = dict(os.environ, QUARKUS_HTTP_PORT=str(port))
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def sample(cmd, port, path, before):
    before()
    t0 = time.monotonic()
    proc = start(cmd, port)
    try:
        wait_for_200(port, path)
        return (time.monotonic() - t0) * 1000
    finally:
        stop(proc)


def rss_after(cmd, port, paths, n=1000):
    proc = start(cmd, port)
    try:
        wait_for_200(port, paths[0])
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        for i in range(n):
            conn.request("GET", paths[i % len(paths)])
            resp = conn.getresponse()
            resp.read()
            assert resp.status == 200, resp.status
        with open(f"/proc/{proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    finally:
        stop(proc)


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--native", required=True)
    ap.add_argument("--jvm", required=True, help="quarkus-run.jar")
    ap.add_argument("--java", default="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    ap.add_argument("--user-id", required=True)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--port", type=int, default=18080)
    ap.add_argument("--xmx", default="128m")
    ap.add_argument(
        "--variant",
        action="append",
        default=[],
        help="extra native mode NAME=ARG[,ARG...] to see what start-up time goes into",
    )
    ap.add_argument(
        "--binary",
        action="append",
        default=[],
        help="another native executable as its own mode NAME=PATH, e.g. the build before a change",
    )
    a = ap.parse_args()

    modes = {
        "native": [a.native, f"-Xmx{a.xmx}"],
        "jvm": [a.java, f"-Xmx{a.xmx}", "-jar", a.jvm],
    }
    for other in a.binary:
        name, path = other.split("=", 1)
        modes[name] = [path, f"-Xmx{a.xmx}"]
    for variant in a.variant:
        name, args = variant.split("=", 1)
        modes[name] = [a.native, f"-Xmx{a.xmx}", *args.split(",")]
    key = "users:profile:{%s}" % a.user_id
    drop_cache = lambda: subprocess.run(["redis-cli", "-p", "6379", "del", key], check=True, capture_output=True)
    # /q/health/live needs no connection: it is the start-up alone, the others add PG/Redis/Kafka.
    targets = {
        "GET /users/{id}": f"/users/{a.user_id}",
        "GET /q/health/ready": "/q/health/ready",
        "GET /q/health/live": "/q/health/live",
    }

    results = {}
    for label, path in targets.items():
        for mode in modes:
            results[(mode, label)] = []
        for _ in range(a.runs):
            for mode, cmd in modes.items():
                results[(mode, label)].append(sample(cmd, a.port, path, drop_cache))

    rss_paths = [targets["GET /users/{id}"], "/q/health/ready"]
    rss = {mode: rss_after(cmd, a.port, rss_paths) for mode, cmd in modes.items()}

    print(f"runs per cell: {a.runs}, -Xmx{a.xmx}, ms from exec to first 200 (median / p95)")
    print("| mode | " + " | ".join(targets) + " | RSS after 1,000 requests |")
    print("|---|" + "---|" * len(targets) + "---|")
    for mode in modes:
        cells = []
        for label in targets:
            v = results[(mode, label)]
            cells.append(f"{statistics.median(v):.0f} / {p95(v):.0f} ms")
        print(f"| {mode} | {' | '.join(cells)} | {rss[mode]:.0f} MiB |")
    n, j = (statistics.median(results[(m, 'GET /users/{id}')]) for m in ("native", "jvm"))
    print(f"native/jvm median ratio on GET /users/{{id}}: {n / j:.3f}")
    print(json.dumps({f"{m}|{l}": v for (m, l), v in results.items()}), file=sys.stderr)


if __name__ == "__main__":
    main()
