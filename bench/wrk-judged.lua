-- wrk script: cycles through the judged queries of the relevance test (a mix of real queries: exact titles,
-- paraphrases, typos, questions) instead of repeating one, and prints p95 like wrk-p95.lua.
-- Usage: wrk -t2 -c32 -d15s -s bench/wrk-judged.lua http://127.0.0.1:5098 -- tests/Site.Tests/Search/judged-queries.tsv
local queries = {}
local counter = 0

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  local path = args[1] or "tests/Site.Tests/Search/judged-queries.tsv"
  for line in io.lines(path) do
    if line:sub(1, 1) ~= "#" then
      local _, query = line:match("^([^\t]+)\t([^\t]+)")
      if query then
        table.insert(queries, "/api/search/v1?q=" .. encode(query))
      end
    end
  end
  -- Each thread starts elsewhere in the list.
  counter = math.random(#queries)
end

function request()
  counter = counter % #queries + 1
  return wrk.format("GET", queries[counter])
end

function done(summary, latency, requests)
  io.write(string.format("p95 %.2fms\n", latency:percentile(95) / 1000))
end
