local N = 1000000  -- small: 800
-- Calls of closures: adders reading an upvalue, a counter writing one, a lambda.

local function make_adder(k)
  return function(x) return x + k end
end

local function make_counter()
  local count = 0
  return function(d)
    count = count + d
    return count
  end
end

local function run(n)
  local adders = {}
  for k = 0, 9 do adders[k + 1] = make_adder(k) end
  local counter = make_counter()
  local scale = 3
  local twice = function(v) return v * scale % 1000003 end
  local s = 0
  for i = 0, n - 1 do
    local f = adders[i % 10 + 1]
    s = twice(s + f(i))
    counter(1)
  end
  return s, counter(0)
end

local s, c = run(N)
print(string.format("%d %d", s, c))
