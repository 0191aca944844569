print("broken: starting")
loaded = True
raise ValueError("broken on purpose")
