local N = 2000000  -- small: 1500
-- Sieve of Eratosthenes over a table of booleans; prints the count and a checksum.

local function sieve(n)
  local flags = {}
  for k = 0, n do flags[k] = true end
  flags[0] = false
  flags[1] = false
  local i = 2
  while i * i <= n do
    if flags[i] then
      local j = i * i
      while j <= n do
        flags[j] = false
        j = j + i
      end
    end
    i = i + 1
  end
  local count, check = 0, 0
  for k = 0, n do
    if flags[k] then
      count = count + 1
      check = (check * 31 + k) % 1000000007
    end
  end
  return count, check
end

local count, check = sieve(N)
print(string.format("%d %d", count, check))
