#!/usr/bin/env bash
# Load benchmark of `idenfy-preflight serve` (docs/PERFORMANCE.md, "serve under load"), by hand:
# wrk on the same machine, loopback only, 64 connections, each run bounded in time. It measures
# valid docs-example requests per second, the latency percentiles, the non-2xx answers (must be
# 0), and the server's resident memory sampled while it answers over a million requests; then
# the same load against Stoplight Prism mocking schema/openapi.json, for comparison.
#
#   benches/load.sh                 # serve, then Prism (needs wrk and Node.js)
#   SECONDS_PER_RUN=10 benches/load.sh serve
#
# Not a test: timings on a shared machine prove nothing, so nothing here fails on a number.
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-all}"
run_for="${SECONDS_PER_RUN:-20}"
connections="${CONNECTIONS:-64}"
command -v wrk >/dev/null || { echo "needs wrk (apt-get install wrk)"; exit 2; }

work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
# The docs' own request, with HTTP Basic credentials (key:secret).
python3 - "$work/post.lua" <<'EOF'
import json, sys
body = json.dumps(json.load(open("examples/docs-request.json")))
open(sys.argv[1], "w").write(f"""wrk.method = "POST"
wrk.body = {json.dumps(body)}
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Basic a2V5OnNlY3JldA=="
""")
EOF

rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$1/status"; }

# wrk against $1 (a base URL) for $2 seconds; the lines that matter.
load() {
  wrk -t 1 -c "$connections" -d "$2s" --latency -s "$work/post.lua" "$1/api/v2/token" |
    grep -E "Requests/sec|Non-2xx|Socket errors|requests in|^ +(50|90|99)%|Latency  "
}

if [ "$which" = all ] || [ "$which" = serve ]; then
  cargo build -q --release --locked --bin idenfy-preflight
  ./target/release/idenfy-preflight serve --port 0 --quiet --today 2026-11-25 >"$work/addr" &
  pid=$!
  for _ in $(seq 100); do [ -s "$work/addr" ] && break; sleep 0.1; done
  url=$(head -n 1 "$work/addr")
  echo "== serve ($url), $connections connections"
  load "$url" 2 >/dev/null # warm-up
  echo "resident memory before: $(rss "$pid")"
  load "$url" "$run_for"
  # Over a million requests, memory sampled every 10 s: it must stay flat.
  echo "-- a million requests and more, memory every 10 s"
  for i in 1 2 3 4 5 6; do
    load "$url" 10 | grep "requests in"
    echo "   resident memory after $((i * 10)) s: $(rss "$pid")"
  done
  kill -TERM "$pid"
  wait "$pid" || true
fi

if [ "$which" = all ] || [ "$which" = prism ]; then
  npm install --prefix target/load-node --no-audit --no-fund --silent @stoplight/prism-cli@5.14.2
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  target/load-node/node_modules/.bin/prism mock -h 127.0.0.1 -p "$port" schema/openapi.json \
    >"$work/prism.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do grep -q "Prism is listening" "$work/prism.log" && break; sleep 0.2; done
  echo "== Prism mock (http://127.0.0.1:$port), $connections connections"
  load "http://127.0.0.1:$port" 2 >/dev/null
  load "http://127.0.0.1:$port" "$run_for"
  echo "resident memory: $(rss "$pid")"
  kill "$pid"
fi
