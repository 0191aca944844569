import time

t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.01)
print(time.time() >= t0 > 1.6e9, time.monotonic() - m0 >= 0.005, time.perf_counter() > p0)
print(type(time.time_ns()).__name__, time.time_ns() > 10 ** 18, type(time.perf_counter_ns()).__name__)
print(time.monotonic_ns() >= 0, time.process_time() >= 0, type(time.process_time_ns()).__name__)
for bad in [-1, float("nan")]:
    try:
        time.sleep(bad)
    except ValueError as e:
        print("ValueError", e)
