#!/usr/bin/env python3
"""Evidence for asm-notes/dispatch.md: disassembles the release `framevm`
binary and reports, for the threaded backend, how its handlers dispatch:

- quick handlers (the common case of hot opcodes): how many have a stack
  frame (save registers) or call anything, and the smallest one;
- full handlers (every opcode's whole instruction): how many end in a tail
  jump through the table and how many really call the next handler, and
  the largest stack frame among those that call (which, times the budget,
  bounds the Rust stack);
- the switch backend's indirect jumps.

Run after `cargo build --release`.
"""
import re
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/framevm"
asm = subprocess.run(["objdump", "-d", "-C", "--no-show-raw-insn", binary],
                     capture_output=True, text=True, check=True).stdout
functions = {m.group(1): m.group(2) for m in re.finditer(
    r"^[0-9a-f]+ <(framevm::interp::[\w:]+)>:\n(.*?)\n\n", asm, re.S | re.M)}


def handlers(kind):
    prefix = f"framevm::interp::threaded::{kind}::"
    return {n[len(prefix):]: b for n, b in functions.items() if n.startswith(prefix)}


def frame_bytes(body):
    pushes = len(re.findall(r"^\s+[0-9a-f]+:\s+push\s", body, re.M))
    m = re.search(r"sub\s+\$0x([0-9a-f]+),%rsp", body)
    return (int(m.group(1), 16) if m else 0) + 8 * pushes + 8


quick = handlers("quick_handler")
full = handlers("full")
framed = sorted(n for n, b in quick.items() if re.search(r"^\s+[0-9a-f]+:\s+push\s", b, re.M))
calling = sorted(n for n, b in quick.items() if re.search(r"\bcall\s", b))
print(f"{len(quick)} quick handlers: {len(quick) - len(framed)} with no stack frame; "
      f"saving registers: {', '.join(framed) or 'none'}; calling out: {', '.join(calling) or 'none'}")
tail = [n for n, b in full.items() if re.search(r"jmp\s+\*", b)]
calls = {n: b for n, b in full.items() if re.search(r"call\s+\*\(%r", b)}
print(f"{len(full)} full handlers: {len(tail)} end in a tail jump through the table, "
      f"{len(calls)} call through it")
worst = max(calls.items(), key=lambda kv: frame_bytes(kv[1]), default=None)
if worst:
    print(f"largest stack frame of a calling full handler: {frame_bytes(worst[1])} bytes ({worst[0]})")
switch = functions.get("framevm::interp::switch::run", "")
print(f"switch::run: {len(re.findall(r'jmp +[*]', switch))} indirect jmp(s) "
      f"(its two opcode matches, and the jump tables inside the inlined instructions)")
smallest = min(quick.items(), key=lambda kv: len(kv[1].splitlines()))
print(f"\nthe smallest quick handler, {smallest[0]}:")
print(smallest[1])
