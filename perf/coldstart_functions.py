"""What coldstart.py measures per function: data endpoint, seed rows, cache keys, build figures.

Each function reads one fixed benchmark row set, written straight into the dev database with psql
(127.0.0.1:5432/surge, the one instance cold-start.sh gives every function through SURGE_DATA_*).
Before each sample the Redis keys the read would hit are deleted, so every first request opens its
PostgreSQL (and Redis) connections and reads the database. Feed and recommendations need a bearer
token: RS256 signed with SURGE_JWT_PRIVATE_KEY by openssl, as the users function would issue it.
"""
import base64, glob, json, os, subprocess, tempfile, time

EPOCH_MS = 1767225600000  # SurgeIds.EPOCH, 2026-01-01T00:00:00Z


def surge_id(shard, millis=1_000_000_000, seq=1):
    """An id laid out like SurgeIds: 41 bits of ms since 2026, 10 bits of shard, 12 of sequence."""
    return (millis << 22) | (shard << 12) | seq


def shard_of(id_):
    return (id_ >> 12) & 1023


USER = 4611686018427387  # the users benchmark row cold-start.sh has always used
AUTHOR = surge_id(shard_of(USER) ^ 1, seq=7)  # a second user: the author the user follows in feed
POST = surge_id(shard_of(USER), seq=11)  # USER's post (posts), on USER's shard
FEED_POST = surge_id(shard_of(AUTHOR), seq=13)  # AUTHOR's post as the feed copied it
CREATED = "2026-01-12T13:46:40Z"

FEED_BODY = json.dumps({"id": str(FEED_POST), "authorId": str(AUTHOR), "text": "cold start bench",
                        "mediaUrls": [], "mentions": [], "createdAt": CREATED})
REC_ITEMS = json.dumps([{"userId": str(AUTHOR), "reason": "popular", "mutuals": 0}])


class Function:
    def __init__(self, name, port, label, path, seed, drop=(), srem=(), auth=False, check=None):
        self.name, self.port, self.label, self.path = name, port, label, path
        self.seed, self.drop, self.srem, self.auth = seed, list(drop), list(srem), auth
        self.check = check or (lambda body: True)

    def drop_cache(self):
        if self.drop:
            subprocess.run(["redis-cli", "-p", "6379", "del", *self.drop], check=True, capture_output=True)


# Ports: 10 per function from 18080 (one per mode), clear of dev and test ports (8080-8095).
FUNCTIONS = [
    Function("users", 18080, "GET /users/{id}", f"/users/{USER}",
             f"""insert into users (id, email, handle, display_name, bio, password_hash, created_at, updated_at)
                 values ({USER}, 'coldstart@bench.local', 'coldstart_bench', 'Cold Start', '', 'x', now(), now())
                 on conflict (id) do nothing""",
             drop=[f"users:profile:{{{USER}}}"],
             check=lambda b: json.loads(b)["id"] == str(USER)),
    Function("graph", 18090, "GET /users/{id}/graph", f"/users/{USER}/graph",
             f"""insert into graph_counts (user_id, following, followers) values ({USER}, 3, 5)
                 on conflict (user_id) do update set following = 3, followers = 5""",
             check=lambda b: json.loads(b)["following"] == 3),  # no cache: every read is a query
    Function("posts", 18100, "GET /posts/{id}", f"/posts/{POST}",
             f"""insert into posts (id, author_id, text, created_at)
                 values ({POST}, {USER}, 'cold start bench', '{CREATED}') on conflict (id) do nothing""",
             drop=[f"posts:post:{{{POST}}}"],
             check=lambda b: json.loads(b)["id"] == str(POST)),
    # The read: followees (feed:fe), timeline rebuilt from feed_posts (feed:tl), then the post body
    # (feed:post) and the author card (feed:profile): four database reads once all four are gone.
    Function("feed", 18110, "GET /feed", "/feed",
             f"""insert into feed_follows values ({USER}, {AUTHOR}, '{CREATED}') on conflict do nothing;
                 insert into feed_followers values ({AUTHOR}, {USER}) on conflict do nothing;
                 insert into feed_authors (id, followers, handle, name)
                   values ({AUTHOR}, 1, 'coldstart_author', 'Cold Start Author')
                   on conflict (id) do update set handle = excluded.handle, name = excluded.name;
                 insert into feed_posts values ({FEED_POST}, {AUTHOR}, '{FEED_BODY}', '{CREATED}')
                   on conflict (id) do update set body = excluded.body""",
             drop=[f"feed:fe:{{{USER}}}", f"feed:tl:{{{USER}}}", f"feed:post:{{{FEED_POST}}}",
                   f"feed:profile:{{{AUTHOR}}}"],
             srem=[("feed:celebrities", str(AUTHOR))],  # an ordinary author: its posts are fanned out
             auth=True,
             check=lambda b: json.loads(b)["items"][0]["author"]["handle"] == "coldstart_author"),
    Function("recommendations", 18120, "GET /recommendations/me", "/recommendations/me",
             f"""insert into recommendations values ({USER}, '{REC_ITEMS}', now())
                 on conflict (user_id) do update set items = excluded.items""",
             drop=[f"rec:user:{{{USER}}}"], auth=True,
             check=lambda b: json.loads(b)["items"][0]["userId"] == str(AUTHOR)),
]


def seed(fn):
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "surge", "surge",
                    "-c", fn.seed], check=True, capture_output=True)
    for key, member in fn.srem:
        subprocess.run(["redis-cli", "-p", "6379", "srem", key, member], check=True, capture_output=True)


def token(subject=USER, hours=12):
    """RS256 JWT with the users function's issuer; python's stdlib cannot sign, openssl does."""
    b64 = lambda raw: base64.urlsafe_b64encode(raw).rstrip(b"=")
    now = int(time.time())
    header = b64(json.dumps({"alg": "RS256", "typ": "JWT"}).encode())
    claims = {"iss": "https://surge.dev/users", "sub": str(subject), "iat": now, "exp": now + hours * 3600}
    signing_input = header + b"." + b64(json.dumps(claims).encode())
    fd, key = tempfile.mkstemp(suffix=".pem")
    try:
        with os.fdopen(fd, "w") as f:
            f.write(os.environ["SURGE_JWT_PRIVATE_KEY"])
        sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=signing_input,
                             check=True, capture_output=True).stdout
    finally:
        os.unlink(key)
    return (signing_input + b"." + b64(sig)).decode()


def build_figures(runner):
    """Executable MiB, image heap MiB, build seconds, peak build GiB; None where unknown."""
    target = os.path.dirname(runner)
    size = os.path.getsize(runner) / 2**20
    heap = None
    stats = glob.glob(f"{target}/*-runner-build-output-stats.json") + glob.glob(
        f"{target}/*/*-runner-build-output-stats.json")
    if stats:
        with open(max(stats, key=os.path.getmtime)) as f:
            heap = json.load(f)["image_details"]["image_heap"]["bytes"] / 2**20
    props = {}
    try:
        with open(f"{target}/native-build.properties") as f:
            props = dict(line.strip().split("=", 1) for line in f if "=" in line)
    except FileNotFoundError:
        pass
    secs = float(props["build_seconds"]) if "build_seconds" in props else None
    peak = int(props["peak_rss_kib"]) / 2**20 if "peak_rss_kib" in props else None
    return size, heap, secs, peak
