#!/usr/bin/python3
"""Trains the plate detector on synthetic composites and exports resources/models/plate_detector.onnx.

A composite is a street scene without plates (frames of the GoPro sample clips, or procedural clutter with text
that is not a plate) with real us-crops (training split only) and synthetic plates pasted in perspective, with a
bumper/frame around them, then photographically degraded. The detector is CenterNet-style at stride 8: a centre
heat map and, at each cell near a centre, the four plate corners relative to that cell.

Usage: nice -n 10 /usr/bin/python3 tools/engine/train_detector.py [--data ../shared/data] [--steps N]
"""
import json
import multiprocessing
import os
import time

import cv2
import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image, ImageDraw

import platedata as P
from models import PlateDetector, export_onnx, seed_everything, training_arguments

HERE = os.path.dirname(os.path.abspath(__file__))
CROP = 192
STRIDE = 8
CORNER_SCALE = 32.0  # corner offsets are regressed in units of 32 input pixels
EXPORT_SHAPE = (1, 3, 384, 640)

_WORKER = {}


def procedural_background(rng, renderer, size):
    """Clutter: gradients, boxes, lines and words in plate-like fonts, so that text alone is not a plate."""
    base = rng.integers(0, 256, 3)
    img = np.empty((size, size, 3), np.float32)
    ramp = np.linspace(0, 1, size, dtype=np.float32)[:, None, None]
    img[:] = base * (1 - ramp) + rng.integers(0, 256, 3) * ramp
    pil = Image.fromarray(img.astype(np.uint8))
    d = ImageDraw.Draw(pil)
    for _ in range(rng.integers(3, 12)):
        col = tuple(int(v) for v in rng.integers(0, 256, 3))
        x0, y0 = rng.integers(-20, size, 2)
        x1, y1 = x0 + rng.integers(5, size), y0 + rng.integers(5, size)
        kind = rng.integers(3)
        if kind == 0:
            d.rectangle([int(x0), int(y0), int(x1), int(y1)], fill=col)
        elif kind == 1:
            d.ellipse([int(x0), int(y0), int(x1), int(y1)], fill=col)
        else:
            d.line([int(x0), int(y0), int(x1), int(y1)], fill=col, width=int(rng.integers(1, 6)))
    for _ in range(rng.integers(0, 4)):
        font = renderer.font(renderer.decor_fonts[rng.integers(len(renderer.decor_fonts))], int(rng.integers(8, 40)))
        words = [P.SLOGANS[rng.integers(len(P.SLOGANS))], P.STATES[rng.integers(len(P.STATES))],
                 renderer.random_text(rng), "SALE", "STOP", "EXIT 12", "TOYOTA", "FORD", "HONDA", "NO PARKING"]
        d.text((int(rng.integers(-10, size)), int(rng.integers(-10, size))), words[rng.integers(len(words))],
               font=font, fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
    return cv2.cvtColor(np.asarray(pil), cv2.COLOR_RGB2BGR)


def scene_background(rng, frames, size):
    frame = frames[rng.integers(len(frames))]
    scale = rng.uniform(0.5, 1.6)
    h, w = frame.shape[:2]
    sw, sh = max(size, int(w * scale)), max(size, int(h * scale))
    frame = cv2.resize(frame, (sw, sh), interpolation=cv2.INTER_AREA)
    x, y = rng.integers(0, sw - size + 1), rng.integers(0, sh - size + 1)
    return frame[y:y + size, x:x + size].copy()


def plate_quad(rng, center, width):
    """A plate's corners after roll, yaw (horizontal foreshortening) and pitch."""
    aspect = rng.uniform(0.45, 0.56)
    w, h = width, width * aspect
    pts = np.float32([[-w / 2, -h / 2], [w / 2, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]])
    yaw = rng.uniform(-0.35, 0.35)
    pitch = rng.uniform(-0.2, 0.2)
    pts[:, 1] *= 1 + yaw * np.sign(pts[:, 0]) * 0.3  # the nearer side looks taller
    pts[:, 0] *= 1 - abs(yaw) * 0.6
    pts[:, 0] *= 1 + pitch * np.sign(pts[:, 1]) * 0.3
    a = rng.uniform(-0.2, 0.2) if rng.random() < 0.7 else rng.uniform(-0.05, 0.05)
    rot = np.float32([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    return pts @ rot.T + np.float32(center)


def paste(dst, src, quad):
    h, w = src.shape[:2]
    m = cv2.getPerspectiveTransform(np.float32([[0, 0], [w, 0], [w, h], [0, h]]), quad.astype(np.float32))
    size = (dst.shape[1], dst.shape[0])
    warped = cv2.warpPerspective(src, m, size, flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), m, size, flags=cv2.INTER_LINEAR)
    alpha = (mask.astype(np.float32) / 255.0)[..., None]
    dst[:] = (dst * (1 - alpha) + warped * alpha).astype(np.uint8)


def composite(rng, crops, frames, renderer):
    size = CROP
    img = scene_background(rng, frames, size) if rng.random() < 0.6 else procedural_background(rng, renderer, size)
    quads = []
    count = rng.choice([0, 1, 1, 1, 2, 2, 3], p=None)
    for _ in range(count):
        width = float(np.exp(rng.uniform(np.log(16), np.log(150))))
        for _attempt in range(10):
            c = rng.uniform(-0.05 * size, 1.05 * size, 2)
            quad = plate_quad(rng, c, width)
            if all(np.linalg.norm(quad.mean(0) - q.mean(0)) > width for q in quads):
                break
        else:
            continue
        if rng.random() < 0.55:
            k = int(rng.integers(len(crops)))
            plate = cv2.imread(crops[k][0])
        else:
            plate = renderer.render(rng)[0]
        if rng.random() < 0.6:  # bumper recess or a dealer frame around the plate
            c0 = quad.mean(0)
            grow = rng.uniform(1.1, 1.8)
            outer = (quad - c0) * np.float32([grow, grow * rng.uniform(0.9, 1.3)]) + c0
            col = rng.integers(0, 256, 3) if rng.random() < 0.5 else rng.integers(0, 60, 3)
            cv2.fillConvexPoly(img, outer.astype(np.int32), tuple(int(v) for v in col), lineType=cv2.LINE_AA)
        if rng.random() < 0.5:  # a darker frame rim
            rim = plate.copy()
            t = int(rng.integers(4, 14))
            col = tuple(int(v) for v in rng.integers(0, 80, 3))
            cv2.rectangle(rim, (0, 0), (rim.shape[1] - 1, rim.shape[0] - 1), col, t)
            plate = rim
        paste(img, plate, quad)
        quads.append(quad)
    img = P.degrade(rng, img)
    return img, quads


def targets(quads):
    g = CROP // STRIDE
    heat = np.zeros((g, g), np.float32)
    reg = np.zeros((10, g, g), np.float32)
    mask = np.zeros((g, g), np.float32)
    ys, xs = np.mgrid[0:g, 0:g].astype(np.float32)
    cell_x, cell_y = (xs + 0.5) * STRIDE, (ys + 0.5) * STRIDE
    for quad in quads:
        c = quad.mean(0)
        w = np.linalg.norm(quad[1] - quad[0])
        sigma = max(0.6, w / STRIDE / 6.0)
        gauss = np.exp(-((cell_x - c[0]) ** 2 + (cell_y - c[1]) ** 2) / (2 * (sigma * STRIDE) ** 2))
        heat = np.maximum(heat, gauss)
        near = (np.abs(cell_x - c[0]) <= max(STRIDE, w * 0.15)) & (np.abs(cell_y - c[1]) <= STRIDE)
        reg[0][near] = ((c[0] - cell_x) / STRIDE)[near]
        reg[1][near] = ((c[1] - cell_y) / STRIDE)[near]
        for i in range(4):
            reg[2 + 2 * i][near] = ((quad[i, 0] - cell_x) / CORNER_SCALE)[near]
            reg[3 + 2 * i][near] = ((quad[i, 1] - cell_y) / CORNER_SCALE)[near]
        mask[near] = 1.0
        cx, cy = int(c[0] // STRIDE), int(c[1] // STRIDE)
        if 0 <= cx < g and 0 <= cy < g:
            heat[cy, cx] = 1.0
    return heat, reg, mask


def make_chunk(job):
    crops, data_dir, seed, count = job
    cv2.setNumThreads(1)
    if "frames" not in _WORKER:
        _WORKER["frames"] = P.background_frames(data_dir, np.random.default_rng(7))
        _WORKER["renderer"] = P.PlateRenderer()
    rng = np.random.default_rng(seed)
    xs, hs, rs, ms = [], [], [], []
    for _ in range(count):
        img, quads = composite(rng, crops, _WORKER["frames"], _WORKER["renderer"])
        heat, reg, mask = targets(quads)
        xs.append(img)
        hs.append(heat)
        rs.append(reg)
        ms.append(mask)
    return np.stack(xs), np.stack(hs), np.stack(rs).astype(np.float16), np.stack(ms)


def focal_loss(logit, heat):
    pred = torch.sigmoid(logit).clamp(1e-4, 1 - 1e-4)
    pos = heat.eq(1).float()
    neg = 1 - pos
    pos_loss = torch.log(pred) * (1 - pred) ** 2 * pos
    neg_loss = torch.log(1 - pred) * pred ** 2 * (1 - heat) ** 4 * neg
    return -(pos_loss.sum() + neg_loss.sum()) / pos.sum().clamp(min=1)


def main():
    args = training_arguments(steps=700, batch=24, bank=8000, seed=20261129).parse_args()
    seed_everything(args.seed)

    train, _ = P.load_crops(args.data)  # the validation crops never appear in a composite
    start = time.time()
    chunk = 500
    jobs = [(train, args.data, args.seed * 1000 + i, chunk) for i in range(args.bank // chunk)]
    with multiprocessing.Pool(2) as pool:
        parts = pool.map(make_chunk, jobs)
    bank_x = np.concatenate([p[0] for p in parts])
    bank_h = np.concatenate([p[1] for p in parts])
    bank_r = np.concatenate([p[2] for p in parts])
    bank_m = np.concatenate([p[3] for p in parts])
    del parts
    print(f"composites {len(bank_x)} in {time.time() - start:.0f}s", flush=True)
    cv2.imwrite(os.path.join("/tmp", "detector_composites.jpg"), np.hstack(list(bank_x[:6])))

    model = PlateDetector()
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=args.steps, pct_start=0.1)
    order_rng = np.random.default_rng(args.seed + 2)
    order = np.empty(0, dtype=np.int64)
    for step in range(args.steps):
        if len(order) < args.batch:
            order = np.concatenate([order, order_rng.permutation(len(bank_x))])
        pick, order = np.sort(order[:args.batch]), order[args.batch:]
        x = torch.from_numpy(bank_x[pick].astype(np.float32) / 255.0).permute(0, 3, 1, 2).contiguous()
        heat = torch.from_numpy(bank_h[pick])
        reg = torch.from_numpy(bank_r[pick].astype(np.float32))
        mask = torch.from_numpy(bank_m[pick])[:, None]
        out = model(x)
        hl = focal_loss(out[:, 0], heat)
        rl = (F.smooth_l1_loss(out[:, 1:], reg, reduction="none", beta=0.1) * mask).sum() / (mask.sum() * 10 + 1e-6)
        loss = hl + 2.0 * rl
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 50 == 0 or step == args.steps - 1:
            print(f"step {step} heat {hl.item():.3f} reg {rl.item():.4f} {time.time() - start:.0f}s", flush=True)

    elapsed = time.time() - start
    os.makedirs(args.out, exist_ok=True)
    export_onnx(model, EXPORT_SHAPE, os.path.join(args.out, "plate_detector.onnx"))
    torch.save(model.state_dict(), os.path.join(HERE, "plate_detector.pt"))
    report = {"steps": args.steps, "batch": args.batch, "bank": args.bank, "seconds": round(elapsed),
              "input": list(EXPORT_SHAPE), "stride": STRIDE, "corner_scale": CORNER_SCALE}
    with open(os.path.join(HERE, "train_detector.report.json"), "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
