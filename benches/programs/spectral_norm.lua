local N = 200  -- small: 4
-- Spectral norm of the infinite matrix A (the benchmarks game's algorithm):
-- 10 power iterations of A^T A over tables of floats.

local function eval_a(i, j)
  return 1.0 / ((i + j) * (i + j + 1) / 2 + i + 1)
end

local function times_a(v, out, n)
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do
      s = s + eval_a(i, j) * v[j + 1]
    end
    out[i + 1] = s
  end
end

local function times_at(v, out, n)
  for i = 0, n - 1 do
    local s = 0.0
    for j = 0, n - 1 do
      s = s + eval_a(j, i) * v[j + 1]
    end
    out[i + 1] = s
  end
end

local function times_ata(v, out, tmp, n)
  times_a(v, tmp, n)
  times_at(tmp, out, n)
end

local function run(n)
  local u, v, tmp = {}, {}, {}
  for i = 1, n do u[i] = 1.0; v[i] = 0.0; tmp[i] = 0.0 end
  for _ = 1, 10 do
    times_ata(u, v, tmp, n)
    times_ata(v, u, tmp, n)
  end
  local vbv, vv = 0.0, 0.0
  for i = 1, n do
    vbv = vbv + u[i] * v[i]
    vv = vv + v[i] * v[i]
  end
  return (vbv / vv) ^ 0.5
end

print(string.format("%.9f", run(N)))
