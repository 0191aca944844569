audit = []


def risky(n):
    if n < 0:
        raise ValueError("negative: " + str(n))
    if n == 0:
        raise ZeroDivisionError("zero")
    return 100 // n


def logged(n):
    try:
        return risky(n)
    except Exception as e:
        audit.append(type(e).__name__)
        raise


def handler(n):
    try:
        return logged(n)
    except ValueError as e:
        return "value problem (" + str(e) + ")"
    except ArithmeticError as e:
        return "math problem (" + str(e) + ")"


for n in [5, -2, 0, 7]:
    print(n, "->", handler(n))
print("audit:", audit)


def retry(attempts):
    tries = 0
    while True:
        tries += 1
        try:
            if tries < attempts:
                raise RuntimeError("flaky attempt " + str(tries))
            return "succeeded after " + str(tries)
        except RuntimeError as e:
            print("  retrying:", e)
            if tries >= 3:
                raise


print(retry(2))
print(retry(3))
try:
    print(retry(5))
except RuntimeError as e:
    print("gave up:", e)

try:
    try:
        raise KeyError("first")
    except KeyError:
        try:
            raise IndexError("second")
        except IndexError:
            pass
        raise
except KeyError as e:
    print("outer got", repr(e))
