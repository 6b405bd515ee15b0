-- The load of the benchmark (src/bench/run.sh), for wrk:
--   wrk -t THREADS -s src/bench/load.lua URL -- TEMPLATE TOKENS ERROR_MARKER THREADS
-- TEMPLATE is a request written by dev.attrgateway.bench.RequestTemplates (request line, headers, a blank
-- line, the body) where %TOKEN% stands for an access token; TOKENS has one token a line. Each request
-- carries the next user's token. Every request is formatted once, up front, so that the generator spends
-- as little as possible of the CPU it shares with what it measures. An answer is a failure unless it is
-- HTTP 200 without ERROR_MARKER in its body: a GraphQL error comes back as HTTP 200.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

local function lines(path)
  local file = assert(io.open(path, "r"))
  local all = {}
  for line in file:lines() do
    all[#all + 1] = line
  end
  file:close()
  return all
end

local function with_token(text, token)
  return (text:gsub("%%TOKEN%%", token))
end

local requests = {}
local next_request = 0
local marker
failed = 0 -- global: done() reads it from each thread with thread:get

function init(args)
  local template = lines(args[1])
  local method, path = template[1]:match("^(%S+) (%S+)$")
  local headers, line = {}, 2
  while template[line] ~= "" do
    local name, value = template[line]:match("^([^:]+): (.*)$")
    headers[name] = value
    line = line + 1
  end
  local body = table.concat(template, "\n", line + 1)
  for _, token in ipairs(lines(args[2])) do
    local these = {}
    for name, value in pairs(headers) do
      these[name] = with_token(value, token)
    end
    requests[#requests + 1] = wrk.format(method, path, these, with_token(body, token))
  end
  marker = args[3]
  -- Each thread starts in its own part of the list, so that threads do not send the same users at once.
  next_request = math.floor(id * #requests / tonumber(args[4]))
end

function request()
  next_request = next_request % #requests + 1
  return requests[next_request]
end

function response(status, headers, body)
  if status ~= 200 or body:find(marker, 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, _)
  local failures = 0
  for _, thread in ipairs(threads) do
    failures = failures + thread:get("failed")
  end
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d seconds=%.2f rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f"
      .. " socket_errors=%d timeouts=%d failed_answers=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.connect + errors.read + errors.write, errors.timeout, failures))
end
