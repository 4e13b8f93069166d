package dev.surge.orders.data;

import dev.surge.guard.GuardRedis.Script;

/**
 * The Lua scripts of a flash sale, each on the keys of one sale bucket (one hash tag, one Cluster
 * slot). A reservation is recorded as {@code buyer:quantity:price:item:epochMillis:state}, state R
 * (reserved), P (seen persisted) or X (returned), see {@link Reservation}.
 */
final class SaleScripts {
  private SaleScripts() {}

  // KEYS: def, stock, buyers, reservations, keys. ARGV: buyer, buyer + idempotency key, order id,
  // quantity. The hashes orders writes live as long as catalog's definition (its PTTL: the sale's
  // end plus catalog's retention). A key already used by this buyer returns its order (a retry
  // never takes a second
  // unit); otherwise the window (Redis's clock), the buyer's count and the stock are checked, in
  // that order, and the unit is taken and recorded in one step.
  static final Script PURCHASE =
      Script.of(
          "local done = redis.call('HGET', KEYS[5], ARGV[2]) "
              + "if done then return {1, done, redis.call('HGET', KEYS[4], done) or ''} end "
              + "local d = redis.call('HMGET', KEYS[1], 'starts', 'ends', 'limit', 'item', 'price') "
              + "if not d[1] then return {-4} end "
              + "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) "
              + "if now < tonumber(d[1]) or now >= tonumber(d[2]) then return {-1} end "
              + "local qty = tonumber(ARGV[4]) "
              + "local bought = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0') "
              + "if bought + qty > tonumber(d[3]) then return {-2} end "
              + "if tonumber(redis.call('GET', KEYS[2]) or '0') < qty then return {-3} end "
              + "redis.call('DECRBY', KEYS[2], qty) "
              + "redis.call('HINCRBY', KEYS[3], ARGV[1], qty) "
              + "local r = ARGV[1] .. ':' .. qty .. ':' .. d[5] .. ':' .. d[4] .. ':' .. now .. ':R' "
              + "redis.call('HSET', KEYS[4], ARGV[3], r) "
              + "redis.call('HSET', KEYS[5], ARGV[2], ARGV[3]) "
              + "local ttl = redis.call('PTTL', KEYS[1]) "
              + "if ttl > 0 then for k = 3, 5 do redis.call('PEXPIRE', KEYS[k], ttl) end end "
              + "return {0, ARGV[3], r}");

  // KEYS: stock, buyers, reservations. ARGV: order id. Marks the reservation returned (X) and puts
  // its units back, once: a second call finds the mark and returns 0. -1: no such reservation. A
  // stock key that expired with its sale is not brought back.
  static final Script RETURN =
      Script.of(
          "local r = redis.call('HGET', KEYS[3], ARGV[1]) "
              + "if not r then return -1 end "
              + "local b, q, p, i, ms, s = string.match(r, "
              + "'^(%d+):(%d+):(%d+):(%d+):(%d+):(%a)$') "
              + "if not s or s == 'X' then return 0 end "
              + "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('INCRBY', KEYS[1], q) end "
              + "redis.call('HINCRBY', KEYS[2], b, -tonumber(q)) "
              + "redis.call('HSET', KEYS[3], ARGV[1], b .. ':' .. q .. ':' .. p .. ':' .. i .. ':' "
              + ".. ms .. ':X') "
              + "return tonumber(q)");

  // KEYS: reservations. ARGV: order id. R (reserved) → P (seen persisted), nothing else changes.
  static final Script PERSISTED =
      Script.of(
          "local r = redis.call('HGET', KEYS[1], ARGV[1]) "
              + "if r and string.sub(r, -2) == ':R' then "
              + "redis.call('HSET', KEYS[1], ARGV[1], string.sub(r, 1, -2) .. 'P') return 1 end "
              + "return 0");
}
