scores = {
    "alice": [88, 92, 79, 95],
    "bob": [72, 65, 80, 70],
    "carol": [95, 98, 100, 91],
    "dave": [55, 62, 48, 70],
    "erin": [81, 85, 85, 90],
    "frank": [90, 89, 91, 88],
}
CUTOFFS = [(90, "A"), (80, "B"), (70, "C"), (60, "D")]


def mean(xs):
    return sum(xs) / len(xs)


def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2


def stdev(xs):
    m = mean(xs)
    return (sum([(x - m) ** 2 for x in xs]) / len(xs)) ** 0.5


def letter(avg):
    for cutoff, grade in CUTOFFS:
        if avg >= cutoff:
            break
    else:
        grade = "F"
    return grade


print(f"{'name':<7}{'scores':<17}{'mean':>7}{'median':>8}{'sd':>7} grade")
results = {}
for name, xs in scores.items():
    avg = mean(xs)
    results[name] = letter(avg)
    print(f"{name:<7}{' '.join([str(x).rjust(3) for x in xs]):<17}{avg:>7.2f}{median(xs):>8}{stdev(xs):>7.2f} {results[name]}")

exams = list(zip(*scores.values()))
for i, exam in enumerate(exams, 1):
    best = max(scores, key=lambda n: scores[n][i - 1])
    print(f"exam {i}: mean {mean(exam):.2f}, high {max(exam)} ({best}), low {min(exam)}")

histogram = {g: [] for g in "ABCDF"}
for name, g in results.items():
    histogram[g].append(name)
for g, names in histogram.items():
    print(g, ("#" * len(names)).ljust(4), ", ".join(names) or "-")
everyone = [x for xs in scores.values() for x in xs]
print("overall: n=%d mean=%.3f median=%s sd=%.3f" % (len(everyone), mean(everyone), median(everyone), stdev(everyone)))
improved = [n for n, xs in scores.items() if xs[-1] > xs[0]]
print("improved:", improved)
ranking = sorted(scores, key=lambda n: (-mean(scores[n]), n))
print("ranking:", " > ".join(ranking))
