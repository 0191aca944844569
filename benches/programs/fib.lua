local N = 30  -- small: 15
-- Recursive fib: one Lua call per node (a local function: an upvalue per call).

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

print(string.format("%d", fib(N)))
