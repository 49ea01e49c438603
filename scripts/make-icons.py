"""Draws the Awaitwise icon (an event loop: an open ring with a dot at its head) as PNGs, standard library only.

Run: python3 scripts/make-icons.py  — writes public/icon/{16,32,48,128}.png.
"""
import math
import struct
import zlib
from pathlib import Path

BLUE = (36, 87, 197)
WHITE = (255, 255, 255)
SS = 4  # supersampling per axis, for smooth edges


def coverage(x: float, y: float, size: int):
    """Returns (alpha of the tile, whether the point is on the white glyph) for a point in [0, size)."""
    r = size * 0.22
    inset = size * 0.04
    lo, hi = inset, size - inset
    # Rounded square.
    cx = min(max(x, lo + r), hi - r)
    cy = min(max(y, lo + r), hi - r)
    inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r and lo <= x <= hi and lo <= y <= hi
    if not inside:
        return 0.0, False
    mx = my = size / 2
    d = math.hypot(x - mx, y - my)
    ring_r, ring_w = size * 0.26, size * 0.095
    angle = math.degrees(math.atan2(y - my, x - mx)) % 360
    # The ring is open between -30° and 40° (a loop that yields), with a dot at its head.
    on_ring = abs(d - ring_r) <= ring_w / 2 and not (angle > 320 or angle < 30)
    hx = mx + ring_r * math.cos(math.radians(30))
    hy = my + ring_r * math.sin(math.radians(30))
    on_dot = math.hypot(x - hx, y - hy) <= ring_w * 0.95
    cdot = math.hypot(x - mx, y - my) <= size * 0.07
    return 1.0, on_ring or on_dot or cdot


def render(size: int) -> bytes:
    rows = []
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            a = white = 0.0
            for sy in range(SS):
                for sx in range(SS):
                    alpha, glyph = coverage(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS, size)
                    a += alpha
                    white += alpha if glyph else 0
            n = SS * SS
            a /= n
            t = (white / n) / a if a else 0
            colour = [round(BLUE[i] * (1 - t) + WHITE[i] * t) for i in range(3)]
            row += bytes(colour + [round(a * 255)])
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(__file__).resolve().parent.parent / "public" / "icon"
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 128):
        (out / f"{size}.png").write_bytes(render(size))
        print(f"wrote public/icon/{size}.png")
