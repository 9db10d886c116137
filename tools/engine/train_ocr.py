#!/usr/bin/python3
"""Trains the plate OCR (CTC) on synthetic plates and the us-crops training split; exports resources/models/plate_ocr.onnx.

Usage: nice -n 10 /usr/bin/python3 tools/engine/train_ocr.py [--data ../shared/data] [--steps N] [--out DIR]
Seeded: the same packages, fonts and thread count reproduce the same file.
"""
import json
import os
import multiprocessing
import time

import cv2
import numpy as np
import torch
import torch.nn as nn

import platedata as P
from models import PlateOcr, ctc_log_probs, export_onnx, seed_everything, training_arguments

HERE = os.path.dirname(os.path.abspath(__file__))


def make_chunk(job):
    """One deterministic chunk of the sample bank: half real crops (augmented), half synthetic plates."""
    crops, seed, count, context_prob = job
    cv2.setNumThreads(1)
    rng = np.random.default_rng(seed)
    renderer = P.PlateRenderer()
    images = {}
    xs, texts = [], []
    for i in range(count):
        if i % 2 == 0:
            k = int(rng.integers(len(crops)))
            if k not in images:
                images[k] = cv2.imread(crops[k][0])
            img, text = images[k], crops[k][2]
        else:
            img, text = renderer.render(rng)
        xs.append(P.ocr_sample(rng, img, context_prob))
        texts.append(text)
    return np.stack(xs), texts


def make_bank(crops, seed, count, context_prob, chunk=1000):
    """Rendering costs about as much as a training step, so the bank is made once on both cores and reused."""
    jobs = [(crops, seed * 1000 + i, chunk, context_prob) for i in range(count // chunk)]
    with multiprocessing.Pool(2) as pool:
        parts = pool.map(make_chunk, jobs)
    return np.concatenate([p[0] for p in parts]), [t for p in parts for t in p[1]]


def greedy(logits):
    """N x C x 1 x T -> list of strings (best path, repeats and blanks removed)."""
    best = logits[:, :, 0, :].argmax(1).numpy()
    out = []
    for row in best:
        s, prev = [], 0
        for k in row:
            if k != prev and k != 0:
                s.append(P.ALPHABET[k - 1])
            prev = k
        out.append("".join(s))
    return out


def validation_set(crops, seed):
    """Each validation crop twice: clean (resized) and once degraded with a fixed seed, as the engine may see it."""
    rng = np.random.default_rng(seed)
    xs, texts = [], []
    for path, _, text in crops:
        img = cv2.imread(path)
        xs.append(cv2.resize(cv2.cvtColor(img, cv2.COLOR_BGR2GRAY), (P.OCR_W, P.OCR_H), interpolation=cv2.INTER_AREA))
        texts.append(text)
        xs.append(P.ocr_sample(rng, img))
        texts.append(text)
    return torch.from_numpy(np.stack(xs)[:, None].astype(np.float32) / 255.0), texts


def evaluate(model, x, texts):
    model.eval()
    with torch.no_grad():
        pred = greedy(model(x))
    model.train()
    clean = np.mean([p == t for p, t in zip(pred[0::2], texts[0::2])])
    hard = np.mean([p == t for p, t in zip(pred[1::2], texts[1::2])])
    return clean, hard


def main():
    ap = training_arguments(steps=1200, batch=64, bank=30000, seed=20261128)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--context", type=float, default=0.0, help="share of samples with a plate frame around them")
    ap.add_argument("--init", help="start from these weights (the second, fine-tuning stage)")
    ap.add_argument("--weights", default=os.path.join(HERE, "plate_ocr.pt"))
    args = ap.parse_args()

    seed_everything(args.seed)

    train, val = P.load_crops(args.data)
    print(f"us-crops: {len(train)} train, {len(val)} validation", flush=True)
    val_x, val_t = validation_set(val, args.seed + 1)

    model = PlateOcr()
    if args.init:
        model.load_state_dict(torch.load(args.init))
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=args.steps, pct_start=0.1)
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    start = time.time()
    bank_x, bank_t = make_bank(train, args.seed, args.bank, args.context)
    bank_codes = [P.encode_text(t) for t in bank_t]
    print(f"sample bank {len(bank_t)} in {time.time() - start:.0f}s", flush=True)
    order_rng = np.random.default_rng(args.seed + 2)
    order = np.empty(0, dtype=np.int64)
    for step in range(args.steps):
        if len(order) < args.batch:
            order = np.concatenate([order, order_rng.permutation(len(bank_t))])
        pick, order = order[:args.batch], order[args.batch:]
        x = torch.from_numpy(bank_x[pick][:, None].astype(np.float32) / 255.0)
        labels = torch.tensor([c for k in pick for c in bank_codes[k]], dtype=torch.long)
        lengths = torch.tensor([len(bank_codes[k]) for k in pick], dtype=torch.long)
        logp = ctc_log_probs(model(x))
        loss = ctc(logp, labels, torch.full((x.shape[0],), logp.shape[0], dtype=torch.long), lengths)
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if step % 250 == 0 or step == args.steps - 1:
            clean, hard = evaluate(model, val_x, val_t)
            print(f"step {step} loss {loss.item():.3f} val clean {clean:.3f} degraded {hard:.3f} "
                  f"{time.time() - start:.0f}s", flush=True)

    elapsed = time.time() - start
    clean, hard = evaluate(model, val_x, val_t)
    os.makedirs(args.out, exist_ok=True)
    path = os.path.join(args.out, "plate_ocr.onnx")
    export_onnx(model, (1, 1, P.OCR_H, P.OCR_W), path)
    torch.save(model.state_dict(), args.weights)
    report = {"steps": args.steps, "bank": args.bank, "batch": args.batch, "seconds": round(elapsed), "val_clean": round(clean, 4),
              "val_degraded": round(hard, 4), "train_crops": len(train), "val_crops": len(val)}
    with open(os.path.splitext(args.weights)[0] + ".report.json", "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main()
