-- userName eq lookups of random users of the benchmark's 1,000,000-user population, for quick experiments on a
-- server already running on the benchmark's database (BENCHMARKS.md, "What the p99 at the server is made of"):
--   ROSTER_TOKEN=… wrk -t2 -c16 -d40s -s benchmarks/wrk-userName-lookup.lua http://127.0.0.1:<port>
-- Any answer other than 200 with exactly one user counts as an error.
local token = os.getenv("ROSTER_TOKEN") or "roster-bench-token-0123456789abcdef0123456789abcdef"
dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "") .. "wrk-summary.lua").install(
  function(status, body)
    return status == 200 and string.find(body, '"totalResults":1,', 1, true) ~= nil
  end)

function init(args)
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  local user = math.random(0, 999999)
  return wrk.format("GET", "/scim/v2/Users?filter=userName%20eq%20%22bench-user-" .. user .. "%40bench.example%22")
end
