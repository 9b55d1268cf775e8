#!/usr/bin/env python3
"""Types a query into the reader, in a pseudo-terminal, and prints how soon each key was drawn.

Usage: bench/typing-latency.py FILE [QUERY]   (after `cargo build --release`)

Opens target/release/debate on FILE at 100x30, waits for the reader, presses / and types the
query a key every 30 ms. For each key it prints the time until the reader wrote its next
frame; then the time until the last frame (results ranked and drawn, the busy mark gone),
counted from the last key. Python's standard library only.
"""
import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

BUSY = "\u283f".encode()


def main():
    path = sys.argv[1]
    query = sys.argv[2] if len(sys.argv) > 2 else "technology"
    binary = os.path.join(os.path.dirname(__file__), "..", "target", "release", "debate")
    pid, fd = pty.fork()
    if pid == 0:
        time.sleep(0.2)  # the parent sets the window size first
        os.execv(binary, [binary, path])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))

    def read_for(seconds):
        out, end = b"", time.time() + seconds
        while time.time() < end:
            ready, _, _ = select.select([fd], [], [], 0.005)
            if ready:
                try:
                    out += os.read(fd, 1 << 20)
                except OSError:
                    break
        return out

    def next_frame(limit):
        start = time.time()
        while time.time() - start < limit:
            ready, _, _ = select.select([fd], [], [], 0.0005)
            if ready:
                os.read(fd, 1 << 20)
                return (time.time() - start) * 1000
        return None

    start = time.time()
    seen = b""
    while b"\x1b[?1049h" not in seen:
        seen += read_for(0.2)
        if time.time() - start > 600:
            sys.exit("the reader did not start")
    read_for(2.0)
    print(f"reader drawn {time.time() - start:.1f} s after start")
    os.write(fd, b"/")
    read_for(0.5)
    latencies = []
    for ch in query:
        os.write(fd, ch.encode())
        latencies.append(next_frame(5))
        read_for(0.03)
    last_key = time.time()
    print("first frame after each key (ms):",
          " ".join("-" if x is None else f"{x:.1f}" for x in latencies))
    # Frames keep coming while the query runs (busy mark, claims, then paragraphs).
    last_frame, quiet_since = last_key, time.time()
    while time.time() - quiet_since < 2.0:
        out = read_for(0.05)
        if out:
            last_frame = quiet_since = time.time()
    print(f"last frame {(last_frame - last_key) * 1000:.0f} ms after the last key")
    os.write(fd, b"\x1b")
    read_for(0.3)
    os.write(fd, b"q")
    read_for(1.0)


if __name__ == "__main__":
    main()
