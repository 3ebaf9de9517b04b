-- Okta's create sequence, as workload 1 sends it: GET /Users?filter=userName eq "…" (finds nothing), then POST /Users
-- with Okta's body (no password), a new userName every time; for quick experiments on a running server
-- (BENCHMARKS.md, "Creates: no query before the write, and EclipseLink's lock waits"):
--   ROSTER_TOKEN=… PREFIX=run1 wrk -t2 -c16 -d30s -s benchmarks/wrk-okta-create.lua http://127.0.0.1:<port>
-- The requests alternate per wrk thread, whose connections share the script, so a name's GET and POST may run on
-- two connections. wrk counts requests: creates are half of them. Users are named PREFIX-<thread>-<n>@example.com;
-- reusing a PREFIX makes the POSTs 409s. Any answer other than a 200 or a 201 counts as an error.
local token = os.getenv("ROSTER_TOKEN") or "roster-bench-token-0123456789abcdef0123456789abcdef"
dofile((debug.getinfo(1, "S").source:match("^@(.*[/\\])") or "") .. "wrk-summary.lua").install(
  function(status, body)
    return status == 200 or status == 201
  end)

function init(args)
  prefix = os.getenv("PREFIX") or "wrk"
  counter = 0
  posting = false
end

function request()
  local headers = {["Authorization"] = "Bearer " .. token}
  if not posting then
    counter = counter + 1
    posting = true
    local name = prefix .. "-" .. id .. "-" .. counter .. "@example.com"
    return wrk.format("GET", "/scim/v2/Users?filter=userName%20eq%20%22" .. name .. "%22", headers)
  end
  posting = false
  local name = prefix .. "-" .. id .. "-" .. counter .. "@example.com"
  headers["Content-Type"] = "application/scim+json"
  return wrk.format("POST", "/scim/v2/Users", headers, '{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",'
    .. '"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"' .. name
    .. '","name":{"givenName":"Ann","familyName":"Bee"},"emails":[{"primary":true,"value":"' .. name
    .. '","type":"work"}],"displayName":"Ann Bee","locale":"en-US","externalId":"x' .. name
    .. '","title":"Engineer","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D",'
    .. '"employeeNumber":"' .. counter .. '"},"active":true}')
end
