class EventBus:
    def __init__(self):
        self.handlers = {}

    def subscribe(self, event, handler):
        self.handlers.setdefault(event, []).append(handler)

    def publish(self, event, *args):
        results = []
        for h in self.handlers.get(event, []):
            results.append(h(*args))
        return results


class Logger:
    def __init__(self, prefix):
        self.prefix = prefix
        self.lines = []

    def write(self, *parts):
        line = self.prefix + " " + " ".join(str(p) for p in parts)
        self.lines.append(line)
        return len(self.lines)


class Stats:
    def __init__(self):
        self.total = 0
        self.events = 0

    def on_sale(self, item, amount):
        self.total += amount
        self.events += 1
        return self.total

    def on_refund(self, item, amount):
        self.total -= amount
        return self.total


bus = EventBus()
log = Logger("[log]")
audit = Logger("[audit]")
stats = Stats()
bus.subscribe("sale", log.write)
bus.subscribe("sale", stats.on_sale)
bus.subscribe("refund", stats.on_refund)
bus.subscribe("refund", audit.write)
bus.subscribe("refund", log.write)

print(bus.publish("sale", "book", 12))
print(bus.publish("sale", "pen", 3))
print(bus.publish("refund", "pen", 3))
print(bus.publish("unknown", 1))
print(log.lines)
print(audit.lines)
print(stats.total, stats.events)

w = log.write
print(w.__self__ is log, w.__name__)
other = Logger("[other]")
print(Logger.write(other, "explicit", "self"), other.lines)

methods = [s.upper for s in ["a", "b"]] + [[3, 1, 2].copy, "x-y".split]
print([m() for m in methods])
counter = {"n": 0}
bump = counter.get
print(bump("n"), bump("zz", -1))
items = []
add = items.append
for i in range(3):
    add(i * i)
print(items)
