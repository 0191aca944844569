local N = 1500  -- small: 40
-- Nested for-range loops with integer arithmetic in the body.

local function run(n)
  local total = 0
  for i = 0, n - 1 do
    for j = 0, n - 1 do
      total = (total + i * j + i - j) % 1000000007
    end
  end
  return total
end

print(string.format("%d", run(N)))
