-- wrk: POST /posts (MODE=compose, a fresh Idempotency-Key per request, as a careful client sends)
-- or GET /feed (MODE=feed), each as a random user of $TOKENS_FILE ("<id> <jwt>" per line).
local users = {}
local mode = os.getenv("MODE") or "feed"
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
  if mode == "feed" then
    return wrk.format("GET", "/feed", {["Authorization"] = "Bearer " .. u.token})
  end
  n = n + 1
  return wrk.format("POST", "/posts", {
    ["Authorization"] = "Bearer " .. u.token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("\"bench-%d-%d\"", os.time(), n)
  }, '{"text":"guard bench"}')
end
function done(summary, latency, requests)
  io.write(string.format("rps %.1f\np50_us %d\np99_us %d\nnon2xx %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(99),
    summary.errors.status))
end
