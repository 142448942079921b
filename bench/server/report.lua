-- wrk script: sends the session cookie (WRK_COOKIE) with every request and,
-- at the end, prints one JSON line: requests, seconds, requests per second,
-- errors (socket errors and non-2xx answers), p50 and p99 in milliseconds.
local cookie = os.getenv("WRK_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = "cinplan_session=" .. cookie
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "errors": %d, "p50_ms": %.3f, "p99_ms": %.3f}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    errors, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
