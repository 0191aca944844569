#!/usr/bin/env python3
"""Evidence for asm-notes/dispatch.md: disassembles the release `framevm`
binary and reports, for the threaded backend's handlers, how each dispatches
the next instruction (tail `jmp *` or a real `call *` through the table), the
largest stack frame among those that call, and one annotated handler.
Run after `cargo build --release`."""
import re
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/framevm"
asm = subprocess.run(["objdump", "-d", "-C", "--no-show-raw-insn", binary], capture_output=True, text=True, check=True).stdout
blocks = re.findall(r"^[0-9a-f]+ <framevm::interp::threaded::TABLE::handler>:\n(.*?)\n\n", asm, re.S | re.M)
tail = [b for b in blocks if re.search(r"jmp\s+\*", b)]
calls = [b for b in blocks if re.search(r"call\s+\*\(%r", b)]
print(f"{len(blocks)} handlers: {len(tail)} end in a tail jump through the table, {len(calls)} call through it")
worst = 0
for b in calls:
    pushes = len(re.findall(r"^\s+[0-9a-f]+:\s+push\s", b, re.M))
    m = re.search(r"sub\s+\$0x([0-9a-f]+),%rsp", b)
    worst = max(worst, (int(m.group(1), 16) if m else 0) + 8 * pushes + 8)
print(f"largest stack frame of a calling handler: {worst} bytes")
switch = re.search(r"^[0-9a-f]+ <framevm::interp::switch::run>:\n(.*?)\n\n", asm, re.S | re.M)
if switch:
    jumps = len(re.findall(r"jmp\s+\*", switch.group(1)))
    print(f"switch::run: {jumps} indirect jmp(s) for all opcodes")
smallest = min(tail, key=lambda b: len(b.splitlines()))
print("\nthe smallest handler:")
print(smallest)
