-- wrk script: a mix of what readers and sharers ask for, one random path per request.
-- Counts non-2xx/3xx answers so the summary can say how many requests failed.
local paths = {
  "/", "/?topic=battlefield", "/?topic=talks", "/?region=ukraine&topic=battlefield",
  "/?actor=russia", "/?region=kharkiv-oblast", "/?q=grain", "/?from=2023-01-01&to=2023-03-31",
  "/?sort=oldest&topic=sanctions", "/?page=2", "/events.json?actor=russia&region=kherson-oblast&topic=battlefield",
  "/events.csv?region=kharkiv-oblast&topic=battlefield", "/feed.atom?topic=battlefield", "/feed.rss",
  "/embed/?topic=talks",
}
local htmx = { "/?topic=humanitarian", "/?region=odesa-oblast", "/?actor=ukraine&topic=talks" }
local errors = 0

request = function()
  if math.random() < 0.25 then
    return wrk.format("GET", htmx[math.random(#htmx)], { ["HX-Request"] = "true" })
  end
  return wrk.format("GET", paths[math.random(#paths)])
end

response = function(status)
  if status >= 400 then errors = errors + 1 end
end

done = function(summary, latency)
  local failed = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.status + summary.errors.timeout
  io.write(string.format(
    '{"requests":%d,"seconds":%.1f,"rps":%.1f,"p50_ms":%.1f,"p99_ms":%.1f,"errors":%d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, failed))
end
