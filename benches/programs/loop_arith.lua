local N = 3000000  -- small: 1000
-- While-loop integer arithmetic on locals: a small LCG and a bounded sum.

local function run(n)
  local i, s, x = 0, 0, 1
  while i < n do
    x = (x * 75 + 74) % 65537
    s = s + x * 3 - i % 7
    if s > 1000000000 then
      s = s - 999999937
    end
    i = i + 1
  end
  return s
end

print(string.format("%d", run(N)))
