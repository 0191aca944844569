class DatabaseError(Exception):
    pass


rows = {1: "alpha", 2: "beta"}


def fetch(row_id):
    try:
        return rows[row_id]
    except KeyError as e:
        raise DatabaseError(f"row {row_id} does not exist") from e


def report(ids):
    for i in ids:
        print(i, fetch(i).upper())


report([1, 2])
report([2, 3, 1])
