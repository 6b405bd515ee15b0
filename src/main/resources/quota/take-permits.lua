-- One permit from each of several token buckets, all or none, atomically: the Redis side of
-- dev.attrgateway.quota.RedisBudgetStore, with the arithmetic of LocalBudgetStore.
-- KEYS: the buckets. ARGV[1]: the longest wait allowed, in microseconds; then, per bucket, its capacity and the
-- period in which it refills that capacity, in microseconds.
-- A bucket is a hash: t, the permits left (fractional, below zero when reserved), and ts, when t was computed.
-- Returns {1, 0, wait}: granted, to go after wait microseconds; or {0, i, retryAfter}: refused by bucket i.
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000000 + tonumber(now[2])
local maxWait = tonumber(ARGV[1])
local left = {}
local wait = 0
for i = 1, #KEYS do
  local capacity = tonumber(ARGV[2 * i])
  local period = tonumber(ARGV[2 * i + 1])
  local perMicro = capacity / period
  local state = redis.call('HMGET', KEYS[i], 't', 'ts')
  local t = tonumber(state[1]) or capacity
  local ts = tonumber(state[2]) or now
  t = math.min(capacity, t + math.max(0, now - ts) * perMicro)
  local bucketWait = 0
  if t < 1 then
    bucketWait = math.ceil((1 - t) / perMicro)
  end
  if bucketWait > maxWait then
    return {0, i, bucketWait}
  end
  left[i] = t - 1
  wait = math.max(wait, bucketWait)
end
for i = 1, #KEYS do
  local period = tonumber(ARGV[2 * i + 1])
  redis.call('HSET', KEYS[i], 't', tostring(left[i]), 'ts', now)
  -- Empty to full takes the period and the reservations' wait: then the bucket is as good as new, and goes.
  redis.call('PEXPIRE', KEYS[i], math.ceil((period + maxWait) / 1000) + 1000)
end
return {1, 0, wait}
