# int.from_bytes and int.to_bytes
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'), int.from_bytes(b'', 'big'))
print(int.from_bytes(b'\xff\xff', 'big', signed=True), int.from_bytes(b'\x7f\xff', 'big', signed=True), int.from_bytes(b'\xff', byteorder='little'))
print(int.from_bytes(b'\x00' * 9 + b'\x01'), int.from_bytes(b'\x01\x00'), int.from_bytes([1, 2], 'big'), int.from_bytes(bytearray(b'\x02'), 'big'))
print(int.from_bytes(b'\xff' * 16, 'little'), int.from_bytes(b'\x80' + b'\x00' * 15, 'big', signed=True))
print((1024).to_bytes(2, 'big'), (1024).to_bytes(4, 'little'), (0).to_bytes(3, 'big'), (0).to_bytes(0, 'big'))
print((-1).to_bytes(2, 'big', signed=True), (-128).to_bytes(1, 'big', signed=True), (127).to_bytes(1, 'little', signed=True))
print((10).to_bytes(), (100).to_bytes(10), (2 ** 70).to_bytes(9, 'big'), (-(2 ** 70)).to_bytes(10, 'little', signed=True))
print(True.to_bytes(1, 'big'), (258).to_bytes(length=2, byteorder='little'))
for f in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (128).to_bytes(1, 'big', signed=True),
          lambda: (1).to_bytes(1, 'middle'), lambda: (1).to_bytes(-1, 'big'), lambda: int.from_bytes(b'\x00', 'sideways')]:
    try:
        print(f())
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
x = 123456789
print(int.from_bytes(x.to_bytes(8, 'little'), 'little') == x)
print(int(b'123'), int(bytearray(b' 42 ')), int(b'ff', 16))
