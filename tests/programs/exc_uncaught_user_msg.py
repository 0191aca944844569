class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount}, balance is only {balance}")
        self.balance = balance
        self.amount = amount


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self.balance, amount)
        self.balance -= amount
        print(f"{self.owner} withdrew {amount}, left {self.balance}")


acct = Account("ada", 100)
try:
    acct.withdraw(500)
except InsufficientFunds as e:
    print("handled:", e, "| short by", e.amount - e.balance)

for amount in [30, 40, 50]:
    acct.withdraw(amount)
