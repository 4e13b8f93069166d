-- wrk: POST $PURCHASE_PATH as a random buyer of $TOKENS_FILE ("<id> <jwt>" per line), a fresh
-- Idempotency-Key per request (as a client buying once sends). The same request goes to the Redis
-- purchase (/sales/{id}/purchases) and to the naive baseline (/bench/naive-purchase/{itemId}).
-- Reports accepted (2xx) purchases per second besides the latency percentiles.
local users = {}
local path = os.getenv("PURCHASE_PATH")
local n = 0
function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    local id, token = line:match("(%S+) (%S+)")
    users[#users + 1] = {id = id, token = token}
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  n = math.random(1, 1000000000)
end
function request()
  local u = users[math.random(#users)]
  n = n + 1
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. u.token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("\"fs-%d-%d\"", os.time(), n)
  }, "{}")
end
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("accepted_per_s %.1f\np50_us %d\np99_us %d\nrefused %d\nerrors %d\n",
    (summary.requests - summary.errors.status) / seconds, latency:percentile(50),
    latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
