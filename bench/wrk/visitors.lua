-- Readers with signed "pv" cookies, rotated per request; counts what the server answered.
-- Arguments (after --): path ("{day}" or "{n}" in it: see unique()), cookie file (one value a line), seconds of reader traffic,
-- and optionally a targets file ("host path" a line): then requests go to the targets (their
-- Host header and path) instead of the path, and answers are counted per "visitor@target".
-- After those seconds every request is a bot's (not counted by the site), so the requests in
-- flight when wrk stops are never a reader's. nginx echoes X-Bench-Visitor in the response, so
-- each answer is counted for the visitor whose request it was. done() writes the totals to the
-- file named by BENCH_WRK_OUT.

local HUMAN = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
  .. "Chrome/126.0 Safari/537.36"
local BOT = "Mozilla/5.0 (compatible; Benchbot/1.0)"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("number", #threads)
end

function init(args)
  path = args[1]
  cookies = {}
  for line in io.lines(args[2]) do
    cookies[#cookies + 1] = line
  end
  deadline = os.time() + tonumber(args[3])
  position = (number * 7919) % #cookies
  targets = {}
  if args[4] then
    for line in io.lines(args[4]) do
      local host, target_path = line:match("^(%S+)%s+(%S+)$")
      targets[#targets + 1] = {host = host, path = target_path}
    end
  end
  ok = {}
  sent, answered, failed, bot_sent, bot_answered = 0, 0, 0, 0, 0
end

-- "{day}" in the path becomes a different day for every request (from 2030 on, so a "to"
-- date filter keeps every article), "{n}" a different number from 1 to 100,000 (a document's
-- number): each request is then a page never asked for before.
function unique(template)
  local serial = sent * 64 + number
  local day = 1893456000 + serial * 86400
  local text = template:gsub("{day}", os.date("!%d/%m/%Y", day))
  return (text:gsub("{n}", tostring(serial * 7919 % 100000 + 1)))
end

-- Target `n` (modulo their number): its path, Host header and visitor label suffix; the path
-- alone without targets.
function target_for(n)
  if #targets == 0 then
    return path, nil, ""
  end
  local index = n % #targets + 1
  return targets[index].path, targets[index].host, "@" .. index
end

-- A bot goes through every target in turn (so a bots-only run warms every page); a reader
-- always reads the same target, as a ward's resident reads their own ward's portal.
function request()
  if os.time() >= deadline then
    bot_sent = bot_sent + 1
    local target_path, host = target_for(bot_sent + number * 7919)
    return wrk.format("GET", target_path, {
      ["Host"] = host, ["User-Agent"] = BOT, ["X-Bench-Visitor"] = "bot",
    })
  end
  position = position % #cookies + 1
  sent = sent + 1
  local target_path, host, label = target_for(position)
  return wrk.format("GET", unique(target_path), {
    ["Host"] = host,
    ["User-Agent"] = HUMAN,
    ["Cookie"] = "pv=" .. cookies[position],
    ["X-Bench-Visitor"] = position .. label,
  })
end

function response(status, headers, body)
  local visitor = headers["X-Bench-Visitor"]
  if visitor == "bot" then
    bot_answered = bot_answered + 1
  elseif visitor == nil or status ~= 200 then
    failed = failed + 1
  else
    answered = answered + 1
    ok[visitor] = (ok[visitor] or 0) + 1
  end
end

function done(summary, latency, requests)
  local out = assert(io.open(os.getenv("BENCH_WRK_OUT"), "w"))
  local totals = {sent = 0, answered = 0, failed = 0, bot_sent = 0, bot_answered = 0}
  local ok_all = {}
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
    for visitor, n in pairs(thread:get("ok")) do
      ok_all[visitor] = (ok_all[visitor] or 0) + n
    end
  end
  for name, value in pairs(totals) do
    out:write(name, " ", value, "\n")
  end
  local errors = summary.errors
  out:write("requests ", summary.requests, "\n")
  out:write("duration_us ", summary.duration, "\n")
  out:write("errors ", errors.connect + errors.read + errors.write + errors.timeout, "\n")
  out:write("non2xx ", errors.status, "\n")
  out:write("p50_us ", latency:percentile(50), "\n")
  out:write("p95_us ", latency:percentile(95), "\n")
  out:write("p99_us ", latency:percentile(99), "\n")
  for visitor, n in pairs(ok_all) do
    out:write("visitor ", visitor, " ", n, "\n")
  end
  out:close()
end
