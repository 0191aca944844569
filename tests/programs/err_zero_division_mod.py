def divisible_by_digits(n):
    digits = [int(c) for c in str(n)]
    return [n % d == 0 for d in digits]


for n in [128, 36, 111, 102, 15]:
    print(n, divisible_by_digits(n))
