"""A stand-in for a tab's app, speaking textual-serve's protocol: it says it is ready, sends "ready"
to the page, answers every key with "key:<text>", and quits when told to (unless started with
``stubborn``: then it ignores quit and stays until it is killed)."""

from __future__ import annotations

import json
import sys
import time


def send(data: bytes) -> None:
    out = sys.stdout.buffer
    out.write(b"D" + len(data).to_bytes(4, "big") + data)
    out.flush()


def main() -> None:
    stubborn = sys.argv[1:] == ["stubborn"]
    sys.stdout.buffer.write(b"__GANGLION__\n")
    send(b"ready")
    stdin = sys.stdin.buffer
    while kind := stdin.read(1):
        payload = stdin.read(int.from_bytes(stdin.read(4), "big"))
        if kind == b"D":
            send(b"key:" + payload)
        elif json.loads(payload).get("type") == "quit":
            if not stubborn:
                return
            while True:
                time.sleep(60)


if __name__ == "__main__":
    main()
