# time.process_time and thread_time count CPU time: a sleep adds to the
# wall clock, not to them; work adds to them.
import time
a = time.process_time(); t = time.perf_counter(); th = time.thread_time()
x = sum(range(300000))
time.sleep(0.2)
b = time.process_time(); u = time.perf_counter(); th2 = time.thread_time()
print(0 <= b - a < u - t, u - t >= 0.2, 0 <= th2 - th < u - t)
print(type(time.process_time_ns()), type(time.thread_time_ns()), time.process_time_ns() > 0)
