#!/usr/bin/python3
"""Writes resources/models/plate_formats.json: the letter/digit layouts of US plates, per state.

The layouts are counted on the us-crops *training* split (never the validation split nor us-dev) and merged with
a short list of well-known standard passenger formats. L = letter, D = digit. The engine treats a text that fits
a layout as more likely, and uses the look-alike pairs to propose alternatives that fit one.
"""
import argparse
import collections
import json
import os

import platedata as P

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

# Standard issue formats that are common on the road (letters/digits only, separators dropped).
WELL_KNOWN = {
    "DLLLDDD": ["ca"], "LLLDDDD": ["tx", "ny", "pa", "oh", "ga", "nc", "va", "az", "mi", "wa", "wi", "ct"],
    "LLDLDDD": ["tx"], "LLLLDD": ["fl"], "LLLDDD": ["hi", "mn", "or", "la", "co", "nv", "ms", "ar"],
    "DDDLLL": ["fl", "mn", "or", "la", "co", "wi", "wa", "ar"], "LDDLLL": ["nj"], "DLLDDDD": ["md", "id"],
    "DLDDDDD": ["id"], "LLDDDDD": ["il"], "DDDDDDD": ["nh"], "DDDLDD": ["nv"], "DDLDDD": ["nv"], "LLDDDD": ["dc"],
    "DLLLDD": ["ma"], "DLLDDD": ["ma", "mi"], "DDDDDD": ["ri", "de"], "LLLDDDL": ["in"], "DDDLLLL": ["in"],
}
AMBIGUOUS = [["0", "D"], ["0", "Q"], ["1", "I"], ["1", "T"], ["2", "Z"], ["5", "S"], ["6", "G"], ["8", "B"],
             ["4", "A"], ["7", "T"], ["3", "B"], ["M", "N"], ["V", "Y"], ["U", "V"], ["H", "N"], ["C", "G"],
             ["E", "F"], ["K", "X"], ["P", "R"]]


def layout(text):
    return "".join("D" if c.isdigit() else "L" for c in text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.abspath(os.path.join(REPO, "..", "shared", "data")))
    ap.add_argument("--out", default=os.path.join(REPO, "resources", "models", "plate_formats.json"))
    args = ap.parse_args()
    train, _ = P.load_crops(args.data)
    counts = collections.Counter()
    states = collections.defaultdict(set)
    for _, state, text in train:
        counts[layout(text)] += 1
        states[layout(text)].add(state)
    formats = []
    for pattern in sorted(set(counts) | set(WELL_KNOWN)):
        seen = counts.get(pattern, 0)
        if pattern not in WELL_KNOWN and (seen < 3 or not 5 <= len(pattern) <= 8):
            continue
        formats.append({"pattern": pattern, "states": sorted(states[pattern] | set(WELL_KNOWN.get(pattern, []))),
                        "seen": seen})
    doc = {"about": "US plate layouts (L letter, D digit), from tools/engine/build_plate_formats.py",
           "letters": P.LETTERS, "digits": P.DIGITS, "formats": formats, "lookalikes": AMBIGUOUS}
    with open(args.out, "w") as f:
        json.dump(doc, f, indent=1)
    print(f"{len(formats)} formats -> {args.out}")


if __name__ == "__main__":
    main()
