def knapsack(items, capacity):
    n = len(items)
    dp = [[0] * (capacity + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        name, weight, value = items[i - 1]
        for c in range(capacity + 1):
            dp[i][c] = dp[i - 1][c]
            if weight <= c and dp[i - 1][c - weight] + value > dp[i][c]:
                dp[i][c] = dp[i - 1][c - weight] + value
    chosen = []
    c = capacity
    for i in range(n, 0, -1):
        if dp[i][c] != dp[i - 1][c]:
            name, weight, value = items[i - 1]
            chosen.append(name)
            c -= weight
    chosen.reverse()
    return dp[n][capacity], chosen


def coin_ways(coins, amount):
    ways = [1] + [0] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    return ways[amount]


def min_coins(coins, amount):
    INF = float("inf")
    best = [0] + [INF] * amount
    for a in range(1, amount + 1):
        for coin in coins:
            if coin <= a and best[a - coin] + 1 < best[a]:
                best[a] = best[a - coin] + 1
    return best[amount] if best[amount] != INF else -1


items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
for cap in [0, 50, 100, 200, 400]:
    value, chosen = knapsack(items, cap)
    print(f"capacity {cap:3d}: value {value:4d} items {chosen}")
print("ways to make 100 from US coins:", coin_ways([1, 5, 10, 25, 50], 100))
print("ways to make 200p:", coin_ways([1, 2, 5, 10, 20, 50, 100, 200], 200))
print("ways to make 1000 (big):", coin_ways([1, 2, 3, 5, 7, 11], 1000))
for amt in [0, 3, 11, 27, 63]:
    print(amt, "->", min_coins([1, 5, 10, 21, 25], amt), min_coins([5, 10], amt))
