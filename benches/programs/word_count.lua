local N = 400000  -- small: 120
-- Word counting with a table over a generated text: build the words from
-- syllables with an LCG, join, split, lower-case, count, sort by count.

local SYLLABLES = {"ka", "Lo", "mi", "ta", "Re", "po", "su", "ne", "Vi", "do", "ga", "hu", "Ze", "bi", "ro", "fa"}

local function make_text(n)
  local words = {}
  local x = 42
  for i = 1, n do
    x = (x * 75 + 74) % 65537
    local w = SYLLABLES[x % 16 + 1]
    x = (x * 75 + 74) % 65537
    w = w .. SYLLABLES[x % 16 + 1]
    if x % 3 == 0 then
      x = (x * 75 + 74) % 65537
      w = w .. SYLLABLES[x % 16 + 1]
    end
    words[i] = w
  end
  return table.concat(words, " ")
end

local function count_words(text)
  local counts = {}
  for w in string.gmatch(text, "%S+") do
    w = string.lower(w)
    counts[w] = (counts[w] or 0) + 1
  end
  return counts
end

local function run(n)
  local counts = count_words(make_text(n))
  local items = {}
  for w, c in pairs(counts) do items[#items + 1] = {w, c} end
  table.sort(items, function(a, b)
    if a[2] ~= b[2] then return a[2] > b[2] end
    return a[1] < b[1]
  end)
  for k = 1, 5 do
    print(string.format("%s %d", items[k][1], items[k][2]))
  end
  local check = 0
  for _, it in ipairs(items) do
    check = (check * 31 + it[2] * #it[1]) % 1000000007
  end
  print(string.format("%d %d", #items, check))
end

run(N)
