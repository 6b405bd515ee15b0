-- A replica says it is live, and learns how many are: the Redis side of dev.attrgateway.quota.SharedBudgetStore.
-- KEYS[1]: the sorted set of replicas, scored by when each last said so (Redis's clock, in milliseconds).
-- ARGV[1]: this replica's id. ARGV[2]: how long a replica counts as live after it last said so, in milliseconds.
-- Returns the number of live replicas, this one included.
local now = redis.call('TIME')
now = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local liveFor = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - liveFor)
redis.call('PEXPIRE', KEYS[1], liveFor)
return redis.call('ZCARD', KEYS[1])
