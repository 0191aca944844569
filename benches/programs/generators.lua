local N = 800000  -- small: 300
-- A generator pipeline as coroutines: numbers -> squares -> evens, consumed
-- by a for loop, then a filtered, mapped stream summed.

local function numbers(n)
  return coroutine.wrap(function()
    local i = 0
    while i < n do
      coroutine.yield(i)
      i = i + 1
    end
  end)
end

local function squares(it)
  return coroutine.wrap(function()
    for x in it do coroutine.yield(x * x % 1000) end
  end)
end

local function evens(it)
  return coroutine.wrap(function()
    for x in it do
      if x % 2 == 0 then coroutine.yield(x) end
    end
  end)
end

local function run(n)
  local total, count = 0, 0
  for v in evens(squares(numbers(n))) do
    total = total + v
    count = count + 1
  end
  print(string.format("%d %d", count, total))
  local stream = coroutine.wrap(function()
    for x = 0, n - 1 do
      if x % 3 == 0 then coroutine.yield(x * 7 % 11) end
    end
  end)
  local s = 0
  for v in stream do s = s + v end
  print(string.format("%d", s))
end

run(N)
