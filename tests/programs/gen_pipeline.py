log_lines = [
    "2024-03-01 INFO start server",
    "2024-03-01 WARN disk 81%",
    "",
    "2024-03-02 ERROR db timeout 30s",
    "# comment line",
    "2024-03-02 INFO request /home 12ms",
    "2024-03-03 ERROR db timeout 45s",
    "2024-03-03 INFO request /about 8ms",
    "2024-03-04 WARN disk 93%",
    "2024-03-04 ERROR cache miss",
]


def read(lines):
    for line in lines:
        print("  read:", line[:16] if line else "<blank>")
        yield line


def non_empty(lines):
    for line in lines:
        line = line.strip()
        if line and not line.startswith("#"):
            yield line


def parse(lines):
    for line in lines:
        date, level, rest = line.split(" ", 2)
        yield {"date": date, "level": level, "msg": rest}


def only(level, records):
    return (r for r in records if r["level"] == level)


def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x


print("first two errors, lazily:")
for rec in take(2, only("ERROR", parse(non_empty(read(log_lines))))):
    print(rec["date"], rec["msg"])

counts = {}
for rec in parse(non_empty(log_lines)):
    counts[rec["level"]] = counts.get(rec["level"], 0) + 1
print(counts)

durations = (int(r["msg"].split()[-1][:-2]) for r in only("INFO", parse(non_empty(log_lines))) if r["msg"].endswith("ms"))
print("request ms total:", sum(durations))

squares = map(lambda x: x * x, filter(lambda x: x % 3 == 0, range(20)))
print(list(squares))
