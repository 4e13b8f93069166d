#!/usr/bin/env python3
"""Cold start of every function: process exec -> first HTTP 200, in one interleaved run.

Each sample starts a fresh process, polls one URL every millisecond until it answers 200 and
records the elapsed time. Every (function, mode) pair takes its turn in each round, so machine
noise hits all alike. Two targets per pair: the function's data endpoint (its cache entries
deleted first, so the read opens PostgreSQL/Redis connections and reads the database; see
coldstart_functions.py) and /q/health/ready. Then one process per pair serves 1,000 data requests
and its RSS is read from /proc. Build figures come from each function's target/.
"""
import argparse, glob, http.client, json, os, statistics, subprocess, sys, tempfile, time

import coldstart_functions as spec


class NotReady(Exception):
    pass


def get(port, path, headers, timeout=2):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def wait_for_200(port, path, headers, deadline_s=60.0):
    """Body of the first 200. A 4xx is final (wrong seed, token, path): fail at once, no wait."""
    start = time.monotonic()
    while time.monotonic() - start < deadline_s:
        try:
            status, body = get(port, path, headers)
            if status == 200:
                return body
            if 400 <= status < 500:
                raise RuntimeError(f"{path} answered {status}: {body[:300]!r}")
        except OSError:
            pass
        time.sleep(0.001)
    raise NotReady(f"no 200 on {path} within {deadline_s}s")


def port_free(port):
    try:
        get(port, "/", {}, timeout=0.2)
        return False
    except OSError:
        return True


class Mode:
    """One process kind of one function: native, jvm, another executable, a native variant."""

    def __init__(self, fn, name, cmd, port, runner=None):
        self.fn, self.name, self.cmd, self.port, self.runner = fn, name, cmd, port, runner
        self.headers = {}

    @property
    def label(self):
        return self.fn.name if self.name == "native" else f"{self.fn.name} ({self.name})"

    def start(self):
        if not port_free(self.port):
            raise RuntimeError(f"port {self.port} already answers: stop whatever holds it")
        env = dict(os.environ, QUARKUS_HTTP_PORT=str(self.port))
        return subprocess.Popen(self.cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop(proc):
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def sample(mode, path):
    """ms from exec to the first 200 on path, and the body of that 200."""
    mode.fn.drop_cache()
    t0 = time.monotonic()
    proc = mode.start()
    try:
        body = wait_for_200(mode.port, path, mode.headers)
        return (time.monotonic() - t0) * 1000, body
    finally:
        stop(proc)


def rss_after(mode, n=1000):
    mode.fn.drop_cache()
    proc = mode.start()
    try:
        wait_for_200(mode.port, mode.fn.path, mode.headers)
        conn = http.client.HTTPConnection("127.0.0.1", mode.port, timeout=5)
        for _ in range(n):
            conn.request("GET", mode.fn.path, headers=mode.headers)
            resp = conn.getresponse()
            resp.read()
            assert resp.status == 200, resp.status
        conn.close()
        with open(f"/proc/{proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    finally:
        stop(proc)


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def fmt(value, pattern):
    return "n/a" if value is None else pattern.format(value)


def modes_for(a):
    """Every (function, mode) to measure; one line per function left out."""
    modes = []
    per_fn = lambda opts, fn: [o.split(":", 1)[1] for o in opts if o.split(":", 1)[0] == fn.name]
    for fn in spec.FUNCTIONS:
        if a.only and fn.name not in a.only:
            continue
        found = sorted(glob.glob(f"functions/{fn.name}/target/{fn.name}-*-runner"))
        if not found:
            print(f"skipped {fn.name}: no native executable (./native-build.sh {fn.name})")
            continue
        native = found[-1]
        own = [Mode(fn, "native", [native, f"-Xmx{a.xmx}"], fn.port, native)]
        if fn.name in a.jvm:
            jar = f"functions/{fn.name}/target/quarkus-app/quarkus-run.jar"
            if os.path.isfile(jar):
                own.append(Mode(fn, "jvm", [a.java, f"-Xmx{a.xmx}", "-jar", jar], 0))
            else:
                print(f"skipped {fn.name} (jvm): no {jar} (./mvnw install -DskipTests)")
        for other in per_fn(a.binary, fn):
            name, path = other.split("=", 1)
            own.append(Mode(fn, name, [path, f"-Xmx{a.xmx}"], 0, path))
        for variant in per_fn(a.variant, fn):
            name, args = variant.split("=", 1)
            own.append(Mode(fn, name, [native, f"-Xmx{a.xmx}", *args.split(",")], 0, native))
        for i, mode in enumerate(own[:10]):
            mode.port = fn.port + i
        modes += own[:10]
    return modes


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--xmx", default="128m")
    ap.add_argument("--java", default="/usr/lib/jvm/temurin-25-jdk-amd64/bin/java")
    ap.add_argument("--only", action="append", default=[], help="measure just this function")
    ap.add_argument("--jvm", action="append", default=[], help="FN: add FN's quarkus-run.jar as mode jvm")
    ap.add_argument("--binary", action="append", default=[],
                    help="FN:NAME=PATH another native executable of FN as mode NAME (say, main before a change)")
    ap.add_argument("--variant", action="append", default=[],
                    help="FN:NAME=ARG[,ARG...] FN's native executable with run-time switches, as mode NAME")
    ap.add_argument("--raw", default=os.path.join(tempfile.gettempdir(), "surge-coldstart-samples.json"))
    a = ap.parse_args()

    unknown = set(a.only) - {fn.name for fn in spec.FUNCTIONS}
    if unknown:
        sys.exit(f"no such function: {' '.join(sorted(unknown))}")
    modes = modes_for(a)
    if not modes:
        sys.exit("nothing to measure: build a native executable first (./native-build.sh <fn>)")
    bearer = {"Authorization": "Bearer " + spec.token()}
    for fn in {m.fn.name: m.fn for m in modes}.values():
        spec.seed(fn)
    for mode in modes:
        mode.headers = bearer if mode.fn.auth else {}
        # One untimed start per mode: the seeded read really answers 200 with the seeded row.
        ms, body = sample(mode, mode.fn.path)
        if not mode.fn.check(body):
            sys.exit(f"{mode.label}: {mode.fn.path} answered 200 without the seeded data: {body[:300]!r}")
        print(f"checked {mode.label}: {mode.fn.label} -> 200 with the seeded row ({ms:.0f} ms)", file=sys.stderr)

    load_before, started = os.getloadavg(), time.strftime("%Y-%m-%d %H:%M", time.gmtime())
    targets = ("data", "ready")
    results = {(m.label, t): [] for m in modes for t in targets}
    for run in range(a.runs):
        for target in targets:
            # Each round starts one pair further on, so no pair always follows the same one.
            for i in range(len(modes)):
                mode = modes[(i + run) % len(modes)]
                path = mode.fn.path if target == "data" else "/q/health/ready"
                results[(mode.label, target)].append(sample(mode, path)[0])
        print(f"round {run + 1}/{a.runs} done", file=sys.stderr)
    rss = {m.label: rss_after(m) for m in modes}
    load_after = os.getloadavg()
    with open(a.raw, "w") as f:
        json.dump({f"{label}|{t}": v for (label, t), v in results.items()}, f)

    print(f"\n{started} UTC, runs per cell: {a.runs}, -Xmx{a.xmx}, prod profile; load average "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after; raw samples: {a.raw}\n")
    print("| function | executable | image heap | data endpoint | exec → first 200, data (median / p95)"
          " | exec → first 200, /q/health/ready | RSS after 1,000 requests | native build | peak build memory |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    natives = {m.fn.name: m.runner for m in modes if m.name == "native"}
    for m in modes:
        size = heap = secs = peak = None
        if m.runner:  # native and its variants: one executable; another one: its size only
            size, heap, secs, peak = spec.build_figures(m.runner)
            if m.runner != natives.get(m.fn.name):
                heap = secs = peak = None
        cells = [m.label, fmt(size, "{:.0f} MiB"), fmt(heap, "{:.0f} MiB"), f"`{m.fn.label}`"]
        for t in targets:
            v = results[(m.label, t)]
            cells.append(f"{statistics.median(v):,.0f} / {p95(v):,.0f} ms")
        cells += [f"{rss[m.label]:.0f} MiB", fmt(secs, "{:,.0f} s"), fmt(peak, "{:.1f} GiB")]
        print("| " + " | ".join(cells) + " |")
    labels = {m.label for m in modes}
    for fn in {m.fn.name for m in modes if m.name == "jvm"}:
        if fn in labels:
            n, j = (statistics.median(results[(label, "data")]) for label in (fn, f"{fn} (jvm)"))
            print(f"\n{fn}: native/jvm median ratio on the data endpoint: {n / j:.3f}")


if __name__ == "__main__":
    main()
