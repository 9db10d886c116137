#!/usr/bin/python3
"""Writes the small fixtures in tests/data/engine from the shared benchmark data (kept under 1 MB in total):
scenes cut around a us-dev car and shrunk, and us-crops validation crops shrunk. Real plates are personal data:
only a handful, at low resolution, for tests.

Usage: /usr/bin/python3 tools/engine/make_test_fixtures.py [--data ../shared/data]
"""
import argparse
import csv
import os

import cv2

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))

# us-dev image -> fixture name; the scene is cut around the plate (6 plate widths wide, 16:9) and shrunk.
SCENES = ["car1.jpg", "3cc1e7ed-fa6d-4c5d-b8e0-1d3d8d9b1e0b.jpg"]
# us-crops validation files (never trained on).
CROPS = []


def scene_fixture(data, name, out_dir, rows):
    x, y, w, h, plate = rows[name]
    img = cv2.imread(os.path.join(data, "plates", "us-dev", name))
    cw = min(img.shape[1], 6 * w)
    ch = min(img.shape[0], int(cw * 9 / 16))
    cx, cy = x + w // 2, y + h // 2
    x0 = max(0, min(img.shape[1] - cw, cx - cw // 2))
    y0 = max(0, min(img.shape[0] - ch, cy - ch // 2))
    cut = img[y0:y0 + ch, x0:x0 + cw]
    scale = min(1.0, 480.0 / cw)
    cut = cv2.resize(cut, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    file = f"car_{plate}.jpg"
    cv2.imwrite(os.path.join(out_dir, file), cut, [cv2.IMWRITE_JPEG_QUALITY, 88])
    return file, "scene", plate


def crop_fixture(data, name, out_dir, plates):
    img = cv2.imread(os.path.join(data, "plates", "us-crops", name))
    img = cv2.resize(img, (160, 80), interpolation=cv2.INTER_AREA)
    file = f"crop_{plates[name]}.png"
    cv2.imwrite(os.path.join(out_dir, file), img)
    return file, "crop", plates[name]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.abspath(os.path.join(REPO, "..", "shared", "data")))
    ap.add_argument("--scenes", nargs="*", default=SCENES)
    ap.add_argument("--crops", nargs="*", default=CROPS)
    args = ap.parse_args()
    out_dir = os.path.join(REPO, "tests", "data", "engine")
    os.makedirs(out_dir, exist_ok=True)
    rows = {}
    with open(os.path.join(args.data, "plates", "us-dev", "groundtruth.tsv")) as f:
        for r in csv.reader(f, delimiter="\t"):
            rows[r[0]] = (int(r[1]), int(r[2]), int(r[3]), int(r[4]), r[5])
    plates = {}
    with open(os.path.join(args.data, "plates", "us-crops", "groundtruth.csv")) as f:
        for r in csv.DictReader(f):
            plates[r["file"]] = r["plate"].upper().replace("O", "0")
    entries = [scene_fixture(args.data, n, out_dir, rows) for n in args.scenes]
    entries += [crop_fixture(args.data, n, out_dir, plates) for n in args.crops]
    with open(os.path.join(out_dir, "fixtures.tsv"), "w") as f:
        f.write("# file\tkind\tplate   (written by tools/engine/make_test_fixtures.py)\n")
        for e in entries:
            f.write("\t".join(e) + "\n")
    total = sum(os.path.getsize(os.path.join(out_dir, e[0])) for e in entries)
    print(f"{len(entries)} fixtures, {total / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
