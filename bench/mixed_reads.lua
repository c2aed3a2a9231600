-- Mixed reads for wrk: rotate through the read endpoints; count every non-2xx answer as an error.
local paths = {
  "/v1/articles?limit=50",
  "/v1/articles?q=air+defense",
  "/v1/people",
  "/v1/people/jens-stoltenberg",
  "/v1/people/jens-stoltenberg/meetings",
  "/v1/meetings?limit=50",
  "/v1/meetings?participant=jens-stoltenberg&status=held",
  "/v1/timeline",
  "/v1/timeline?order=desc&kind=statement",
  "/v1/articles/9420a19a4904a723",
  "/healthz",
}
local counter = 0
local errors = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

response = function(status, headers, body)
  if status < 200 or status >= 300 then
    errors = errors + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d socket_errors=%d p50_ms=%.2f p99_ms=%.2f rps=%.1f\n",
    summary.requests,
    summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
