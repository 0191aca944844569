class InsufficientFunds(Exception):
    pass


class Account:
    next_number = 1000
    all_accounts = []

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
        self.number = Account.next_number
        Account.next_number += 1
        Account.all_accounts.append(self)

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has {self.balance}, needs {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def transfer(self, other, amount):
        self.withdraw(amount)
        other.deposit(amount)

    def __repr__(self):
        return f"#{self.number} {self.owner}: {self.balance}"


class SavingsAccount(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate

    def add_interest(self):
        interest = round(self.balance * self.rate)
        self.deposit(interest)
        return interest

    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise InsufficientFunds("savings: withdrawal limit reached")
        super().withdraw(amount)


alice = Account("alice", 100)
bob = SavingsAccount("bob", 1000, rate=0.05)
carol = Account("carol")

operations = [
    (alice.deposit, 50),
    (alice.withdraw, 500),
    (bob.withdraw, 100),
    (carol.deposit, -5),
    (bob.withdraw, 100),
    (bob.withdraw, 100),
    (lambda amt: alice.transfer(carol, amt), 120),
    (lambda amt: carol.transfer(bob, amt), 200),
]
for op, amount in operations:
    try:
        op(amount)
        print("ok   ", amount)
    except InsufficientFunds as e:
        print("DENY ", amount, "-", e)
    except ValueError as e:
        print("BAD  ", amount, "-", e)

print("interest:", bob.add_interest())
for acct in Account.all_accounts:
    print(acct, acct.history)
print("total:", sum(a.balance for a in Account.all_accounts))
print([type(a).__name__ for a in Account.all_accounts], Account.next_number)
