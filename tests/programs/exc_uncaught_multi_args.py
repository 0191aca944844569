class ProtocolError(Exception):
    pass


def decode(packet):
    kind, payload = packet.split(":")
    if kind == "num":
        return int(payload)
    if kind == "txt":
        return payload
    raise ProtocolError("unknown kind", kind, len(packet))


packets = ["num:12", "txt:hello", "num:7", "bin:0101"]
total = 0
for p in packets:
    value = decode(p)
    print("decoded", repr(value))
    if isinstance(value, int):
        total += value
print("total", total)
