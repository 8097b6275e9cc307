#!/usr/bin/env python3
"""Draws the credfill icon (a key on a rounded blue square) at the sizes the stores ask for.
Pure standard library, so the icons can be regenerated anywhere: python3 scripts/make-icons.py"""
import math, struct, zlib, pathlib

def png(size, pixels):
    raw = b"".join(b"\0" + bytes(pixels[y * size * 4:(y + 1) * size * 4]) for y in range(size))
    chunk = lambda tag, data: struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")

def coverage(size, inside, samples=4):
    """Antialiased coverage of the shape `inside(x, y)` (unit square coordinates) per pixel."""
    out = []
    for py in range(size):
        for px in range(size):
            hits = sum(inside((px + (i + .5) / samples) / size, (py + (j + .5) / samples) / size) for i in range(samples) for j in range(samples))
            out.append(hits / samples ** 2)
    return out

def rounded_square(x, y, r=.2):
    dx, dy = max(abs(x - .5) - (.5 - r), 0), max(abs(y - .5) - (.5 - r), 0)
    return dx * dx + dy * dy <= r * r

def key(x, y):
    ring = (.17 ** 2) >= (x - .36) ** 2 + (y - .5) ** 2 >= (.08 ** 2)
    shaft = .48 <= x <= .82 and .46 <= y <= .54
    teeth = (.66 <= x <= .72 or .76 <= x <= .82) and .54 <= y <= .66
    return ring or shaft or teeth

out = pathlib.Path(__file__).resolve().parent.parent / "extension" / "icons"
out.mkdir(parents=True, exist_ok=True)
for size in (16, 32, 48, 96, 128):
    bg, fg = coverage(size, rounded_square), coverage(size, key)
    pixels = []
    for b, f in zip(bg, fg):
        r, g, bl = [round(c * (1 - f) + 255 * f) for c in (10, 108, 189)]
        pixels += [r, g, bl, round(255 * b)]
    (out / f"{size}.png").write_bytes(png(size, pixels))
