-- userName eq lookups of random users of the benchmark's 1,000,000-user population, for quick experiments on a
-- server already running on the benchmark's database (BENCHMARKS.md, "What the p99 at the server is made of"):
--   ROSTER_TOKEN=… wrk -t2 -c16 -d40s -s benchmarks/wrk-userName-lookup.lua http://127.0.0.1:<port>
-- Any answer other than 200 with exactly one user counts as an error.
local token = os.getenv("ROSTER_TOKEN") or "roster-bench-token-0123456789abcdef0123456789abcdef"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  wrong = 0
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  local user = math.random(0, 999999)
  return wrk.format("GET", "/scim/v2/Users?filter=userName%20eq%20%22bench-user-" .. user .. "%40bench.example%22")
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"totalResults":1,', 1, true) then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("wrong")
  end
  io.write(string.format("requests %d, errors %d, req/s %.0f, client p50 %.1f p95 %.1f p99 %.1f max %.1f ms\n",
    summary.requests, errors, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
