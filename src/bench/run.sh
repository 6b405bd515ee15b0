#!/usr/bin/env bash
# The benchmark (docs/benchmarks.md), one command from anywhere in the repository:
#   src/bench/run.sh                  the full run, about 8 minutes
#   BENCH_SHORT=1 src/bench/run.sh    a smoke run of about a minute (figures not comparable)
# Builds the fast jar when it is missing or older than the sources, installs wrk (Debian) when missing,
# starts the benchmark's Cognito stub (dev.attrgateway.bench.BenchCognito, test scope) and the packaged
# gateway in the prod profile, measures start-up, warms up, loads both with wrk, and writes the table to
# stdout and target/bench/results.md. Stops what it started, also on failure or Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/../.."

# The gateway's JVM options: the container image's own (JAVA_OPTS_APPEND in deploy/docker/Dockerfile.jvm), in the
# memory limit of the Kubernetes overlay (deploy/kubernetes/overlays/jvm/resources.yaml): what ships.
IMAGE_JAVA_OPTS=$(sed -n 's/^ENV JAVA_OPTS_APPEND="\(.*\)"$/\1/p' deploy/docker/Dockerfile.jvm)
[[ -n $IMAGE_JAVA_OPTS ]] || { echo "no JAVA_OPTS_APPEND in deploy/docker/Dockerfile.jvm" >&2; exit 1; }
POD_MEMORY_MI=$(sed -n '/limits:/,/memory:/ s/^ *memory: *\([0-9]*\)Mi$/\1/p' deploy/kubernetes/overlays/jvm/resources.yaml)
[[ -n $POD_MEMORY_MI ]] || { echo "no memory limit in Mi in deploy/kubernetes/overlays/jvm/resources.yaml" >&2; exit 1; }
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-"-XX:MaxRAM=${POD_MEMORY_MI}m $IMAGE_JAVA_OPTS"}
IMAGE_MALLOC_ARENA_MAX=$(sed -n 's/^ENV MALLOC_ARENA_MAX=\(.*\)$/\1/p' deploy/docker/Dockerfile.jvm)

# full_or_short FULL SHORT: the default of a setting in a full run and in a smoke run.
full_or_short() { if [[ ${BENCH_SHORT:-0} == 1 ]]; then echo "$2"; else echo "$1"; fi; }
# Seconds of warm-up load, not measured. The C2 compiler works for about a minute and a half under load on 2 cores
# (throughput still climbing at 60 s, flat from about 75 s): the figures are those of the warm gateway.
WARMUP=${BENCH_WARMUP:-$(full_or_short 150 6)}
DURATION=${BENCH_DURATION:-$(full_or_short 20 3)}          # seconds of each run at 64 and at 1 connection
SLOW_DURATION=${BENCH_SLOW_DURATION:-$(full_or_short 30 5)} # seconds of each run over the slow stub
SLOW_RAMP=${BENCH_SLOW_RAMP:-$(full_or_short 5 2)}         # seconds to open the connections before those
STARTS=${BENCH_STARTS:-$(full_or_short 3 1)}               # gateway starts timed (the last one is loaded)
USERS=${BENCH_USERS:-$(full_or_short 10000 200)}           # distinct users, one access token each
CONNECTIONS=64
SLOW_CONNECTIONS=1000
SLOW_DELAY_MS=500
THREADS=$(nproc)
TIMEOUT=10 # seconds wrk waits for an answer: longer than the gateway's own upstream timeout (5 s)
# Sized for the slow scenario's concurrent Cognito calls, as the README tells operators to.
UPSTREAM_CONNECTIONS=${BENCH_UPSTREAM_CONNECTIONS:-$SLOW_CONNECTIONS}
# The pool-wide budgets raised above the stub's capacity: the benchmark measures the gateway, not the budgets.
# The per-caller budget stays the default: every request comes from another of the many users.
QUOTA_RPS=1000000
POOL=local_bench
OUT=target/bench
JAR=target/quarkus-app/quarkus-run.jar

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stop() {
  local pid kept=()
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  for pid in "${pids[@]}"; do
    [[ $pid == "$1" ]] || kept+=("$pid")
  done
  pids=("${kept[@]}")
}

now_us() { echo "${EPOCHREALTIME/./}"; }

# A pipe that nobody writes: waiting on it is a sleep without starting a process.
exec {nap_fd}<> <(:)
nap() { read -rt "$1" -u "$nap_fd" || true; }

# has FILE TEXT: whether a line of FILE contains TEXT. Builtins only: polled while the gateway starts, it must
# not take CPU from it.
has() {
  local line
  while IFS= read -r line; do
    [[ $line == *"$2"* ]] && return 0
  done <"$1"
  return 1
}

# wait_until SECONDS PID COMMAND...: polls COMMAND until it succeeds; fails when PID dies or time runs out.
wait_until() {
  local deadline=$((SECONDS + $1)) pid=$2
  shift 2
  until "$@"; do
    kill -0 "$pid" 2>/dev/null || return 1
    ((SECONDS < deadline)) || return 1
    nap 0.01
  done
}

prepare() {
  mkdir -p "$OUT"
  local wanted=$((2 * SLOW_CONNECTIONS + 1024))
  if (($(ulimit -n) < wanted)); then
    # wrk, the gateway and the stub each hold a socket per connection, and the gateway one more upstream.
    ulimit -n "$wanted" 2>/dev/null || die "ulimit -n is $(ulimit -n); raise it to at least $wanted"
  fi
  if ! command -v wrk >/dev/null; then
    log "installing wrk from Debian"
    local sudo=""
    (($(id -u) == 0)) || sudo=sudo
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk >/dev/null
  fi
  local classpath=$OUT/classpath.txt
  if [[ ! -f $JAR || ! -f $classpath || -n $(find pom.xml src/main src/test graphql -newer "$JAR" -type f -print -quit) ]]; then
    log "building the fast jar"
    ./mvnw -B -q package -DskipTests \
      dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$classpath"
  fi
}

machine() {
  echo "- machine: $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p')), $(free -g | awk '/^Mem/ {print $2}') GB RAM, $(uname -sr)"
  echo "- $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)"
  echo "- code: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml graphql || echo ' with local changes')"
  echo "- gateway JVM options: \`$GATEWAY_JAVA_OPTS\`, \`MALLOC_ARENA_MAX=$IMAGE_MALLOC_ARENA_MAX\`, \`gateway.upstream.max-connections=$UPSTREAM_CONNECTIONS\`"
  echo "- warm-up ${WARMUP} s; runs of ${DURATION} s (${SLOW_DURATION} s over the slow stub after a ${SLOW_RAMP} s ramp); ${USERS} users; wrk $THREADS threads, timeout ${TIMEOUT} s"
}

start_stub() {
  : >"$OUT/stub.log" # emptied here: the child's redirection may come after the first look
  java -Xmx512m -cp "target/test-classes:$(<"$OUT/classpath.txt")" dev.attrgateway.bench.BenchCognito \
    "$OUT" "$POOL" "$USERS" >"$OUT/stub.log" 2>&1 &
  stub_pid=$!
  pids+=("$stub_pid")
  wait_until 120 "$stub_pid" has "$OUT/stub.log" 'ready ' || die "the stub did not start: $OUT/stub.log"
  stub=$(sed -n 's/^ready //p' "$OUT/stub.log")
  log "stub at $stub"
}

set_stub_delay() {
  curl -sf -X POST "$stub/bench/delay?ms=$1" >/dev/null
}

# Settings of the budget store the gateway starts with: none is the default, in-process store.
store_env=()

# Starts the gateway; sets gateway_pid, gateway, and appends to ready_ms and first_ms.
start_gateway() {
  local log_file=$OUT/gateway-$1.log started
  : >"$log_file"
  started=$(now_us)
  # shellcheck disable=SC2086 # the options are words
  GATEWAY_USER_POOL_ID=$POOL \
    GATEWAY_COGNITO_ENDPOINT=$stub \
    GATEWAY_ISSUER=$stub/$POOL \
    AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench \
    GATEWAY_UPSTREAM_MAX_CONNECTIONS=$UPSTREAM_CONNECTIONS \
    GATEWAY_QUOTA_USER_UPDATE_RPS=$QUOTA_RPS \
    GATEWAY_QUOTA_USER_READ_RPS=$QUOTA_RPS \
    QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT=0 \
    MALLOC_ARENA_MAX=$IMAGE_MALLOC_ARENA_MAX \
    env "${store_env[@]}" java $GATEWAY_JAVA_OPTS -jar "$JAR" >"$log_file" 2>&1 &
  gateway_pid=$!
  pids+=("$gateway_pid")
  wait_until 60 "$gateway_pid" has "$log_file" 'Listening on: http://' ||
    die "the gateway did not start: $log_file"
  # The image's options make it listen on every address; it is asked on the loopback.
  gateway=http://127.0.0.1:$(grep -o 'Listening on: http://[0-9.]*:[0-9]*' "$log_file" | head -1 | sed 's/.*://')
  wait_until 60 "$gateway_pid" curl -sf -o /dev/null "$gateway/q/health/ready" ||
    die "the gateway did not get ready: $log_file"
  ready_ms+=("$((($(now_us) - started) / 1000))")
  first_answer me
  first_ms+=("$answer_ms")
  first_answer updateMyAttributes
  first_update_ms+=("$answer_ms")
}

# Sends one operation with the first user's token; sets answer_ms to its latency in milliseconds.
first_answer() {
  local token body timing
  token=$(head -1 "$OUT/tokens.txt")
  body=$(sed -n '/^$/,$p' "$OUT/gateway-$1.http" | tail -n +2)
  timing=$(curl -s -o "$OUT/first-$1.json" -w '%{http_code} %{time_total}' "$gateway/graphql" \
    -H 'Content-Type: application/json' -H "Authorization: Bearer $token" -d "$body")
  if [[ ${timing%% *} != 200 ]] || grep -q '"errors"' "$OUT/first-$1.json"; then
    die "the first $1 failed: $(cat "$OUT/first-$1.json")"
  fi
  answer_ms=$(awk -v s="${timing#* }" 'BEGIN { printf "%.0f", s * 1000 }')
}

# Records the gateway's resident memory (kB), threads and anonymous resident memory (kB) every 200 ms while it lives.
sample() {
  local key value rest rss threads anon
  while kill -0 "$1" 2>/dev/null; do
    while read -r key value rest; do
      case $key in
        VmRSS:) rss=$value ;;
        Threads:) threads=$value ;;
        RssAnon:) anon=$value ;;
      esac
    done <"/proc/$1/status" 2>/dev/null || break
    echo "$rss $threads $anon"
    nap 0.2
  done >"$OUT/samples.txt"
}

declare -A result
redis_skipped=""
redis_outages=0
# load NAME gateway|stub OPERATION CONNECTIONS SECONDS: one wrk run; its figures go to result[NAME.*].
load() {
  local name=$1 target=$2 operation=$3 connections=$4 seconds=$5 url marker threads line pair
  if [[ $target == gateway ]]; then url=$gateway marker='"errors"'; else url=$stub marker='"__type"'; fi
  threads=$((connections < THREADS ? connections : THREADS))
  log "$name: $target $operation, $connections connections, $seconds s"
  wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout "${TIMEOUT}s" -s src/bench/load.lua "$url" \
    -- "$OUT/$target-$operation.http" "$OUT/tokens.txt" "$marker" "$threads" >"$OUT/wrk-$name.txt" 2>&1 ||
    die "wrk failed: $OUT/wrk-$name.txt"
  kill -0 "$gateway_pid" 2>/dev/null || die "the gateway has stopped: $OUT/gateway-$STARTS.log"
  line=$(grep '^BENCH ' "$OUT/wrk-$name.txt") || die "no figures in $OUT/wrk-$name.txt"
  for pair in ${line#BENCH }; do
    result[$name.${pair%%=*}]=${pair#*=}
  done
  result[$name.errors]=$((result[$name.socket_errors] + result[$name.timeouts] + result[$name.failed_answers]))
  local what="$target $operation"
  ((${#store_env[@]} == 0)) || what+=" (Redis store)"
  runs+=("$name|$what|$connections")
}

# Arithmetic on the figures: calc 'AWK EXPRESSION' with r(NAME.KEY) read from result[].
calc() {
  local expression=$1 key
  while [[ $expression =~ r\(([a-z0-9_.-]+)\) ]]; do
    key=${BASH_REMATCH[1]}
    expression=${expression//"r($key)"/${result[$key]}}
  done
  awk "BEGIN { $expression }"
}

stats() { # median (min-max) of the arguments
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { m = v[int((NR + 1) / 2)];
    if (NR == 1) printf "%d ms", m; else printf "%d ms (%d-%d, %d starts)", m, v[1], v[NR], NR }'
}

report() {
  local peak_rss=$1 peak_threads=$2 peak_anon=$3 run
  cat <<EOF
## Benchmark results, $(date -u '+%Y-%m-%d %H:%M UTC')

$(machine)
- CPU used by other processes in the ${IDLE_CHECK} s before the run: ${cpu_before} %$(busy "$cpu_before" &&
    echo "; **the machine was busy: these figures are not comparable**")

| measure | gateway | stub alone | gateway vs stub | target |
| --- | ---: | ---: | ---: | --- |
| updateMyAttributes, $CONNECTIONS connections | $(calc 'printf "%.0f req/s", r(update-64.rps)') | $(calc 'printf "%.0f req/s", r(stub-update-64.rps)') | $(calc 'printf "%.3f", r(update-64.rps) / r(stub-update-64.rps)') | >= 0.10 |
| me, $CONNECTIONS connections | $(calc 'printf "%.0f req/s", r(me-64.rps)') | $(calc 'printf "%.0f req/s", r(stub-me-64.rps)') | $(calc 'printf "%.3f", r(me-64.rps) / r(stub-me-64.rps)') | |
| updateMyAttributes, 1 connection, latency p50 | $(calc 'printf "%.2f ms", r(update-1.p50_ms)') | $(calc 'printf "%.2f ms", r(stub-update-1.p50_ms)') | $(calc 'printf "%+.2f ms", r(update-1.p50_ms) - r(stub-update-1.p50_ms)') | <= +0.5 ms |
| updateMyAttributes, 1 connection, latency p99 | $(calc 'printf "%.2f ms", r(update-1.p99_ms)') | $(calc 'printf "%.2f ms", r(stub-update-1.p99_ms)') | $(calc 'printf "%+.2f ms", r(update-1.p99_ms) - r(stub-update-1.p99_ms)') | <= +3 ms |
$(redis_rows)
| me, 1 connection, latency p50 / p99 | $(calc 'printf "%.2f / %.2f ms", r(me-1.p50_ms), r(me-1.p99_ms)') | $(calc 'printf "%.2f / %.2f ms", r(stub-me-1.p50_ms), r(stub-me-1.p99_ms)') | $(calc 'printf "%+.2f / %+.2f ms", r(me-1.p50_ms) - r(stub-me-1.p50_ms), r(me-1.p99_ms) - r(stub-me-1.p99_ms)') | |
| updateMyAttributes, $SLOW_CONNECTIONS connections, stub answers in $SLOW_DELAY_MS ms | $(calc 'printf "%.0f req/s, %d errors", r(update-slow.rps), r(update-slow.errors)') | $(calc 'printf "%.0f req/s, %d errors", r(stub-update-slow.rps), r(stub-update-slow.errors)') | $(calc 'printf "%.3f", r(update-slow.rps) / r(stub-update-slow.rps)') | >= 0.95, 0 errors |
| peak RSS | $peak_rss MB | | | <= 256 MB |
| peak anonymous RSS (heap, JIT, metaspace, malloc: what a container cannot give back) | $peak_anon MB | | | |
| peak threads | $peak_threads | | | |
| time to start (process start to \`/q/health/ready\` UP) | $(stats "${ready_ms[@]}") | | | |
| first answer after ready (\`me\`) | $(stats "${first_ms[@]}") | | | <= 100 ms |
| first \`updateMyAttributes\` (right after that) | $(stats "${first_update_ms[@]}") | | | |

Every measured run (wrk; latency in ms; errors = socket errors + timeouts + answers that are not HTTP 200 or carry an error):

| run | connections | req/s | p50 | p99 | max | errors |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
EOF
  for run in "${runs[@]}"; do
    IFS='|' read -r name what connections <<<"$run"
    [[ $name == warm* || $name == ramp* ]] && continue
    echo "| $what | $connections | $(calc "printf \"%.0f | %.2f | %.2f | %.1f | %d\", r($name.rps), r($name.p50_ms), r($name.p99_ms), r($name.max_ms), r($name.errors)") |"
  done
}

# The rows of the Redis store's cost, or one that says why it was not measured.
redis_rows() {
  if [[ -z ${result[redis-update-1.p50_ms]:-} ]]; then
    echo "| updateMyAttributes, 1 connection, Redis budget store | not measured: $redis_skipped | | | |"
    return
  fi
  echo "| updateMyAttributes, $CONNECTIONS connections, Redis budget store (outages declared in its whole run: $redis_outages) | $(calc 'printf "%.0f req/s", r(redis-update-64.rps)') | | $(calc 'printf "%.3f of the in-process store", r(redis-update-64.rps) / r(update-64.rps)') | |"
  echo "| updateMyAttributes, 1 connection, Redis budget store, p50 / p99 (vs the in-process store) | $(calc 'printf "%.2f / %.2f ms", r(redis-update-1.p50_ms), r(redis-update-1.p99_ms)') | | $(calc 'printf "%+.2f / %+.2f ms", r(redis-update-1.p50_ms) - r(update-1.p50_ms), r(redis-update-1.p99_ms) - r(update-1.p99_ms)') | well under +1 ms |"
}

# Whether the machine's Redis answers at 127.0.0.1:6379 (bash only: redis-cli need not be installed).
redis_answers() {
  local reply
  exec {redis_fd}<>/dev/tcp/127.0.0.1/6379 2>/dev/null || return 1
  printf 'PING\r\n' >&"$redis_fd"
  read -rt 2 -u "$redis_fd" reply || true
  exec {redis_fd}>&-
  [[ $reply == +PONG* ]]
}

# The Redis budget store's cost: the gateway started again with gateway.quota.store=redis (each permit one
# round trip to Redis), warmed up, then measured at one connection like the in-process store before it.
measure_redis_store() {
  if ! redis_answers; then
    redis_skipped="no Redis server answers at 127.0.0.1:6379"
    log "skipping the Redis store: $redis_skipped"
    return
  fi
  store_env=(GATEWAY_QUOTA_STORE=redis QUARKUS_REDIS_HOSTS=redis://127.0.0.1:6379
    GATEWAY_QUOTA_REDIS_KEY_PREFIX="attrgateway-bench-$$:")
  start_gateway redis
  # Not a start-up of the figures: only the in-process store's starts are reported.
  unset 'ready_ms[-1]' 'first_ms[-1]' 'first_update_ms[-1]'
  load warm-redis gateway updateMyAttributes "$CONNECTIONS" "$((WARMUP * 2 / 5))"
  load redis-update-64 gateway updateMyAttributes "$CONNECTIONS" "$DURATION"
  load redis-update-1 gateway updateMyAttributes 1 "$DURATION"
  stop "$gateway_pid"
  redis_outages=$(grep -c 'shared budget store is out of reach' "$OUT/gateway-redis.log" || true)
  store_env=()
}

# The share of the CPU (percent) used over the next IDLE_CHECK seconds, from /proc/stat. Not the load average:
# these VMs count a kernel thread in it, and it lags the builds that ran a minute ago.
IDLE_CHECK=5
cpu_used() {
  local before after
  before=$(head -1 /proc/stat)
  nap "$IDLE_CHECK"
  after=$(head -1 /proc/stat)
  awk -v b="$before" -v a="$after" 'BEGIN { split(b, x); split(a, y); total = 0
    for (i = 2; i <= 9; i++) total += y[i] - x[i]
    idle = y[5] - x[5] + y[6] - x[6]
    printf "%.0f", (total > 0 ? 100 * (total - idle) / total : 0) }'
}

# busy PERCENT: whether something else used a noticeable share of the CPU.
busy() { (($1 > 5)); }

main() {
  cpu_before=$(cpu_used)
  prepare
  ! busy "$cpu_before" || log "WARNING: other processes used $cpu_before % of the CPU; the figures are only worth something on a quiet machine"
  start_stub
  ready_ms=() first_ms=() first_update_ms=() runs=()
  local start
  for ((start = 1; start <= STARTS; start++)); do
    start_gateway "$start"
    log "gateway start $start: ready after ${ready_ms[-1]} ms, first answer ${first_ms[-1]} ms"
    ((start == STARTS)) || stop "$gateway_pid"
  done
  sample "$gateway_pid" &
  pids+=("$!")

  # JIT warm-up: both operations through the gateway, then a little of each straight to the stub.
  local through=$((WARMUP * 2 / 5)) direct=$((WARMUP / 10))
  ((direct > 0)) || direct=1
  load warm-update gateway updateMyAttributes "$CONNECTIONS" "$through"
  load warm-me gateway me "$CONNECTIONS" "$through"
  load warm-stub-update stub updateMyAttributes "$CONNECTIONS" "$direct"
  load warm-stub-me stub me "$CONNECTIONS" "$direct"

  local operation short
  for operation in updateMyAttributes me; do
    short=${operation%MyAttributes}
    load "$short-64" gateway "$operation" "$CONNECTIONS" "$DURATION"
    load "stub-$short-64" stub "$operation" "$CONNECTIONS" "$DURATION"
  done
  for operation in updateMyAttributes me; do
    short=${operation%MyAttributes}
    load "$short-1" gateway "$operation" 1 "$DURATION"
    load "stub-$short-1" stub "$operation" 1 "$DURATION"
  done

  set_stub_delay "$SLOW_DELAY_MS"
  load ramp-update gateway updateMyAttributes "$SLOW_CONNECTIONS" "$SLOW_RAMP"
  load update-slow gateway updateMyAttributes "$SLOW_CONNECTIONS" "$SLOW_DURATION"
  load ramp-stub-update stub updateMyAttributes "$SLOW_CONNECTIONS" "$SLOW_RAMP"
  load stub-update-slow stub updateMyAttributes "$SLOW_CONNECTIONS" "$SLOW_DURATION"
  set_stub_delay 0

  # The kernel's high-water mark catches a peak between two samples.
  local hwm peak_threads
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$gateway_pid/status")
  peak_threads=$(awk '$2 > max { max = $2 } END { print max }' "$OUT/samples.txt")
  stop "$gateway_pid"
  measure_redis_store
  report "$(awk -v h="$hwm" '$1 > h { h = $1 } END { printf "%.0f", h / 1024 }' "$OUT/samples.txt")" "$peak_threads" \
    "$(awk '$3 > max { max = $3 } END { printf "%.0f", max / 1024 }' "$OUT/samples.txt")" |
    tee "$OUT/results.md"
  log "written to $OUT/results.md"
}

main "$@"
