-- wrk prints p50/p75/p90/p99 with --latency but no p95: print it (and p99.9) after the run.
-- Usage: wrk -t2 -c32 -d15s --latency -s bench/wrk-p95.lua URL
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2fms\n", latency:percentile(95) / 1000))
  io.write(string.format("p99.9 %.2fms\n", latency:percentile(99.9) / 1000))
end
