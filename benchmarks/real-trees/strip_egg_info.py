#!/usr/bin/env python3
"""Drop the `[egg_info]` section that setuptools appends to setup.cfg in an sdist.

    strip_egg_info.py SETUP_CFG

The section (`tag_build =`, `tag_date = 0`) is not in git. Everything before it
is kept byte for byte, less the blank line that separated it; the file ends
with exactly one newline.
"""
import re
import sys

path = sys.argv[1]
with open(path, "rb") as f:
    data = f.read()
match = re.search(rb"^\[egg_info\][ \t]*\r?\n", data, re.M)
if match:
    rest = data[match.end():]
    following = re.search(rb"^\[", rest, re.M)
    if following:
        sys.exit(f"{path}: a section follows [egg_info]; refusing to guess")
    data = data[:match.start()].rstrip(b"\r\n") + b"\n"
    with open(path, "wb") as f:
        f.write(data)
