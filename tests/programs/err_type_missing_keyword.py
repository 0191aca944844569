def connect(host, port, timeout=5):
    return f"{host}:{port} (timeout {timeout}s)"


print(connect("example.org", 80))
print(connect(port=8080, host="localhost", timeout=1))
print(connect(host="db.local", timeout=3))
