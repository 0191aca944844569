def withdraw(balance, amount):
    assert amount > 0, "amount must be positive"
    assert amount <= balance, f"insufficient funds: balance {balance}, requested {amount}"
    return balance - amount


b = 100
for amt in [30, 50, 40]:
    b = withdraw(b, amt)
    print("balance", b)
