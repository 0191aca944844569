class StepFailed(Exception):
    pass


def step(n):
    if n == 3:
        return 10 // (n - 3)
    return n * 2


def run_pipeline(steps):
    done = []
    for n in steps:
        try:
            done.append(step(n))
        except ZeroDivisionError as e:
            print("step", n, "failed:", e, "- cleaning up", done)
            try:
                done.pop(5)
            except IndexError:
                raise StepFailed("cleanup failed after step", n)
    return done


print(run_pipeline([1, 2]))
print(run_pipeline([1, 2, 3, 4]))
