-- wrk: GET /feed as a random seeded user ($TOKENS_FILE: "<id> <jwt>" per line). With
-- NAIVE=1 it calls the naive chained-REST feed instead: GET /feed?user=<id>, no token.
local users = {}
local naive = os.getenv("NAIVE") == "1"
function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    local id, token = line:match("(%S+) (%S+)")
    users[#users + 1] = {id = id, token = token}
  end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end
function request()
  local u = users[math.random(#users)]
  if naive then return wrk.format("GET", "/feed?user=" .. u.id) end
  return wrk.format("GET", "/feed", {["Authorization"] = "Bearer " .. u.token})
end
-- wrk prints 50/75/90/99 %; the benchmark also wants 95 %.
function done(summary, latency, requests)
  io.write(string.format("p95_us %d\n", latency:percentile(95)))
end
