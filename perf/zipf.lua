-- wrk script: GET $ZIPF_PATH{id} (default /users/) with ids drawn from a Zipf(s) distribution over the ids in
-- $IDS_FILE (one per line, rank 1 first). Each thread builds the CDF once at start.
local s = tonumber(os.getenv("ZIPF_S") or "0.99")
local ids, cdf = {}, {}

function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do ids[#ids + 1] = line end
  local total = 0
  for k = 1, #ids do total = total + 1 / (k ^ s); cdf[k] = total end
  for k = 1, #ids do cdf[k] = cdf[k] / total end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  local u, lo, hi = math.random(), 1, #cdf
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if cdf[mid] < u then lo = mid + 1 else hi = mid end
  end
  return wrk.format("GET", (os.getenv("ZIPF_PATH") or "/users/") .. ids[lo])
end
