-- Shared by the wrk scripts in this folder: counts the answers a script does not expect and prints one line of
-- results. A script loads it with dofile (path relative to the script) and passes its test of an answer.
local summary = {}
local threads = {}

function summary.install(expected)
  function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
  end

  function response(status, headers, body)
    if not expected(status, body) then
      wrong = (wrong or 0) + 1
    end
  end

  function done(run, latency, requests)
    local errors = 0
    for _, thread in ipairs(threads) do
      errors = errors + (thread:get("wrong") or 0)
    end
    io.write(string.format("requests %d, errors %d, req/s %.0f, client p50 %.1f p95 %.1f p99 %.1f max %.1f ms\n",
      run.requests, errors, run.requests / (run.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  end
end

return summary
