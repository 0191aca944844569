# A SystemExit whose code is not an int prints it on stderr and exits 1.
print("start")
raise SystemExit("the message")
