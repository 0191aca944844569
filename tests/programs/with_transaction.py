class TransactionError(Exception):
    pass


class Store:
    def __init__(self):
        self.data = {}

    def transaction(self):
        return Transaction(self)


class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store.data)
        return self.store.data

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.data = self.snapshot
            print(f"  rolled back after {exc_type.__name__}: {exc}")
            return issubclass(exc_type, TransactionError)
        print("  committed", len(self.store.data), "keys")
        return False


store = Store()
with store.transaction() as d:
    d["alice"] = 100
    d["bob"] = 50
print(store.data)


def transfer(src, dst, amount):
    with store.transaction() as d:
        d[src] -= amount
        d[dst] = d.get(dst, 0) + amount
        if d[src] < 0:
            raise TransactionError(f"{src} would be overdrawn")


transfer("alice", "bob", 30)
print(store.data)
transfer("bob", "carol", 500)
print(store.data)
try:
    transfer("zed", "bob", 1)
except KeyError as e:
    print("KeyError escaped:", e)
print(store.data)
transfer("bob", "carol", 80)
print(store.data)


class Lock:
    def __init__(self):
        self.held = False
        self.acquired = 0

    def __enter__(self):
        if self.held:
            raise RuntimeError("lock already held")
        self.held = True
        self.acquired += 1
        return self

    def __exit__(self, *exc):
        self.held = False


lock = Lock()
with lock:
    try:
        with lock:
            print("not reached")
    except RuntimeError as e:
        print("nested acquire:", e, lock.held)
print(lock.held, lock.acquired)
