-- POST /Users with the body of the benchmark's Okta create (no password) and a new userName every time, for quick
-- A/B experiments on a running server (BENCHMARKS.md, "A round trip less per request"):
--   ROSTER_TOKEN=… PREFIX=run1 wrk -t2 -c16 -d30s -s benchmarks/wrk-create-user.lua http://127.0.0.1:<port>
-- Users are named PREFIX-<thread>-<n>@example.com (wrk builds one request it never sends, so n = 1 may be missing);
-- reusing a PREFIX makes the POSTs 409s. Any answer other than 201 counts as an error.
local token = os.getenv("ROSTER_TOKEN") or "roster-bench-token-0123456789abcdef0123456789abcdef"
dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "") .. "wrk-summary.lua").install(
  function(status, body)
    return status == 201
  end)

function init(args)
  prefix = os.getenv("PREFIX") or "wrk"
  counter = 0
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
