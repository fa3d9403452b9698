-- Toolwarden token bucket: one atomic step on one bucket, run by Redis itself (EVALSHA), so that
-- any number of replicas and threads sharing a key never over-admit. Same arithmetic as the
-- runtime's InMemoryRateLimiter: exact integers, one token = `window` units, every elapsed tick
-- adds `permits` units (refill of exactly `permits` per window, smooth, no rounding drift).
-- The clock is the Redis server's (TIME), so the replicas' clocks do not matter.
--
-- KEYS[1] the bucket (a hash: u = units, t = time of the last update in ticks)
-- ARGV[1] permits (capacity and tokens added per window), ARGV[2] the window in ticks,
-- ARGV[3] the tick in microseconds (1, unless permits * window would exceed 2^52: Lua numbers
-- are doubles, exact up to 2^53)
-- returns 0 when a token was taken, otherwise the retry-after in milliseconds (at least 1)
local permits = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local tick = tonumber(ARGV[3])
local capacity = permits * window

local time = redis.call('TIME')
local now = math.floor((tonumber(time[1]) * 1000000 + tonumber(time[2])) / tick)

local state = redis.call('HMGET', KEYS[1], 'u', 't')
local units = tonumber(state[1])
local at = tonumber(state[2])
if units == nil or at == nil then
  units = capacity
  at = now
elseif units > capacity then
  units = capacity -- the limit was lowered since the bucket was written
end

local elapsed = now - at
if elapsed < 0 then
  at = now -- the server clock went back (e.g. a failover): count no time
elseif elapsed > 0 then
  if elapsed >= window or units + elapsed * permits >= capacity then
    units = capacity
  else
    units = units + elapsed * permits
  end
  at = now
end

if units >= window then
  units = units - window
  redis.call('HSET', KEYS[1], 'u', string.format('%.0f', units), 't', string.format('%.0f', at))
  -- the bucket is full again (so carries no information) after this long: let Redis drop it then
  local ttl = math.ceil((capacity - units) / permits * tick / 1000) + 1
  redis.call('PEXPIRE', KEYS[1], ttl)
  return 0
end
-- nothing to take; nothing written
local wait = math.ceil((window - units) / permits) * tick
local ms = math.ceil(wait / 1000)
if ms < 1 then
  ms = 1
end
return ms
