-- wrk script: rotate over the main read endpoints; print p50/p95/p99 and errors as JSON at the end.
local paths = {
  "/api/events?limit=50",
  "/api/events?country=VNM-LAO",
  "/api/events?type=VISIT&since=2015-01-01&until=2016-12-31",
  "/api/events/12345",
  "/api/timeline?country=VNM-KHM&group=pair",
  "/api/search?q=hoi%20dam",
  "/api/actors?limit=20",
  "/",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout + summary.errors.status
  io.write(string.format('{"requests": %d, "seconds": %.2f, "requests_per_s": %.1f, "p50_ms": %.1f, "p95_ms": %.1f, "p99_ms": %.1f, "errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, errors))
end
