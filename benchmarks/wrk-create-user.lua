-- POST /Users with the body of the benchmark's Okta create (no password) and a new userName every time, for quick
-- A/B experiments on a running server (BENCHMARKS.md, "A round trip less per request"):
--   ROSTER_TOKEN=… PREFIX=run1 wrk -t2 -c16 -d30s -s benchmarks/wrk-create-user.lua http://127.0.0.1:<port>
-- Users are named PREFIX-<thread>-<n>@example.com (wrk builds one request it never sends, so n = 1 may be missing);
-- reusing a PREFIX makes the POSTs 409s. Any answer other than 201 counts as an error.
local token = os.getenv("ROSTER_TOKEN") or "roster-bench-token-0123456789abcdef0123456789abcdef"
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  prefix = os.getenv("PREFIX") or "wrk"
  counter = 0
  wrong = 0
  wrk.method = "POST"
  wrk.path = "/scim/v2/Users"
  wrk.headers["Authorization"] = "Bearer " .. token
  wrk.headers["Content-Type"] = "application/scim+json"
end

function request()
  counter = counter + 1
  local name = prefix .. "-" .. id .. "-" .. counter .. "@example.com"
  return wrk.format(nil, nil, nil, '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"' .. name
    .. '","name":{"givenName":"Ann","familyName":"Bee"},"emails":[{"primary":true,"value":"' .. name
    .. '","type":"work"}],"displayName":"Ann Bee","locale":"en-US","externalId":"x' .. name
    .. '","groups":[],"active":true}')
end

function response(status, headers, body)
  if status ~= 201 then
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
