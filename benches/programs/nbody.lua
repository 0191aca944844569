local N = 60000  -- small: 15
-- N-body simulation of the Jovian planets (the benchmarks game's algorithm)
-- over tables of floats: {x, y, z, vx, vy, vz, mass} per body.

local PI = 3.141592653589793
local SOLAR_MASS = 4 * PI * PI
local DAYS_PER_YEAR = 365.24

local function make_bodies()
  return {
    {0.0, 0.0, 0.0, 0.0, 0.0, 0.0, SOLAR_MASS},
    {
      4.84143144246472090e00,
      -1.16032004402742839e00,
      -1.03622044471123109e-01,
      1.66007664274403694e-03 * DAYS_PER_YEAR,
      7.69901118419740425e-03 * DAYS_PER_YEAR,
      -6.90460016972063023e-05 * DAYS_PER_YEAR,
      9.54791938424326609e-04 * SOLAR_MASS,
    },
    {
      8.34336671824457987e00,
      4.12479856412430479e00,
      -4.03523417114321381e-01,
      -2.76742510726862411e-03 * DAYS_PER_YEAR,
      4.99852801234917238e-03 * DAYS_PER_YEAR,
      2.30417297573763929e-05 * DAYS_PER_YEAR,
      2.85885980666130812e-04 * SOLAR_MASS,
    },
    {
      1.28943695621391310e01,
      -1.51111514016986312e01,
      -2.23307578892655734e-01,
      2.96460137564761618e-03 * DAYS_PER_YEAR,
      2.37847173959480950e-03 * DAYS_PER_YEAR,
      -2.96589568540237556e-05 * DAYS_PER_YEAR,
      4.36624404335156298e-05 * SOLAR_MASS,
    },
    {
      1.53796971148509165e01,
      -2.59193146099879641e01,
      1.79258772950371181e-01,
      2.68067772490389322e-03 * DAYS_PER_YEAR,
      1.62824170038242295e-03 * DAYS_PER_YEAR,
      -9.51592254519715870e-05 * DAYS_PER_YEAR,
      5.15138902046611451e-05 * SOLAR_MASS,
    },
  }
end

local function offset_momentum(bodies)
  local px, py, pz = 0.0, 0.0, 0.0
  for _, b in ipairs(bodies) do
    local m = b[7]
    px = px + b[4] * m
    py = py + b[5] * m
    pz = pz + b[6] * m
  end
  local sun = bodies[1]
  sun[4] = -px / SOLAR_MASS
  sun[5] = -py / SOLAR_MASS
  sun[6] = -pz / SOLAR_MASS
end

local function energy(bodies)
  local e = 0.0
  local nb = #bodies
  for i = 1, nb do
    local bi = bodies[i]
    e = e + 0.5 * bi[7] * (bi[4] * bi[4] + bi[5] * bi[5] + bi[6] * bi[6])
    for j = i + 1, nb do
      local bj = bodies[j]
      local dx = bi[1] - bj[1]
      local dy = bi[2] - bj[2]
      local dz = bi[3] - bj[3]
      e = e - bi[7] * bj[7] / (dx * dx + dy * dy + dz * dz) ^ 0.5
    end
  end
  return e
end

local function advance(bodies, dt, steps)
  local nb = #bodies
  for _ = 1, steps do
    for i = 1, nb do
      local bi = bodies[i]
      local bim = bi[7]
      for j = i + 1, nb do
        local bj = bodies[j]
        local dx = bi[1] - bj[1]
        local dy = bi[2] - bj[2]
        local dz = bi[3] - bj[3]
        local d2 = dx * dx + dy * dy + dz * dz
        local mag = dt / (d2 * d2 ^ 0.5)
        local bjm = bj[7] * mag
        bi[4] = bi[4] - dx * bjm
        bi[5] = bi[5] - dy * bjm
        bi[6] = bi[6] - dz * bjm
        local bm = bim * mag
        bj[4] = bj[4] + dx * bm
        bj[5] = bj[5] + dy * bm
        bj[6] = bj[6] + dz * bm
      end
    end
    for _, b in ipairs(bodies) do
      b[1] = b[1] + dt * b[4]
      b[2] = b[2] + dt * b[5]
      b[3] = b[3] + dt * b[6]
    end
  end
end

local bodies = make_bodies()
offset_momentum(bodies)
print(string.format("%.9f", energy(bodies)))
advance(bodies, 0.01, N)
print(string.format("%.9f", energy(bodies)))
