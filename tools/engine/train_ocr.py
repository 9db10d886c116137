#!/usr/bin/python3
"""Trains the plate OCR (CTC) on synthetic plates and the us-crops training split; exports resources/models/plate_ocr.onnx.

Usage: nice -n 10 /usr/bin/python3 tools/engine/train_ocr.py [--data ../shared/data] [--steps N] [--out DIR]
Seeded: the same packages, fonts and thread count reproduce the same file.
With --stream it trains on fresh seeded samples made by --workers processes and writes only the weights
(export_models.py makes the ONNX file); several --widths train side by side on the same batches. It runs on the CPU
unless given --device cuda: the CPU run is bit-reproducible (any number of workers), a CUDA run is not.
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
    best = logits[:, :, 0, :].argmax(1).cpu().numpy()
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


class StreamSamples(torch.utils.data.Dataset):
    """Sample i of an endless stream, made from its own seeded generator: the same stream on any number of workers
    and any machine (no bank, so long trainings never see the same degraded sample twice)."""

    def __init__(self, crops, seed, real_share, context_prob, hard=False):
        self.crops, self.seed, self.real_share, self.context_prob = crops, seed, real_share, context_prob
        self.hard = hard
        self.renderer, self.images = None, {}

    def __len__(self):
        return 1 << 40

    def __getitem__(self, i):
        if self.renderer is None:
            self.renderer = P.PlateRenderer()
        rng = np.random.default_rng([self.seed, i])
        if rng.random() < self.real_share:
            k = int(rng.integers(len(self.crops)))
            if k not in self.images:
                self.images[k] = cv2.imread(self.crops[k][0])
            img, text = self.images[k], self.crops[k][2]
        else:
            img, text = self.renderer.render(rng)
        return P.ocr_sample(rng, img, self.context_prob, hard=self.hard), P.encode_text(text)


def collate(items):
    x = torch.from_numpy(np.stack([i[0] for i in items])[:, None])
    labels = torch.tensor([c for i in items for c in i[1]], dtype=torch.long)
    lengths = torch.tensor([len(i[1]) for i in items], dtype=torch.long)
    return x, labels, lengths


def quiet_worker(_):
    cv2.setNumThreads(1)
    torch.set_num_threads(1)


def train_stream(args, train, val_x, val_t):
    """One pass over a seeded sample stream, training one model per --widths entry on the same batches (the data,
    not the network, is the cost: on a GPU several widths cost as much as one). With --seconds the number of steps
    is chosen from the measured sample rate and printed; pass it as --steps to reproduce the run."""
    device = torch.device(args.device)
    names = args.widths.split(",")
    models, opts = [], []
    for name in names:
        torch.manual_seed(args.seed)  # each model starts as it would if trained alone
        m = PlateOcr(float(name.rstrip("i"))).to(device)
        if name.endswith("i"):  # warm start from --init
            m.load_state_dict(torch.load(args.init, map_location=device))
        models.append(m)
        opts.append(torch.optim.AdamW(m.parameters(), lr=args.lr, weight_decay=1e-4))
    ctc = nn.CTCLoss(blank=0, zero_infinity=True)
    data = StreamSamples(train, args.seed, args.real_share, args.context, args.hard)
    loader = torch.utils.data.DataLoader(data, batch_size=args.batch, num_workers=args.workers, collate_fn=collate,
                                         worker_init_fn=quiet_worker, prefetch_factor=2 if args.workers else None)
    batches = iter(loader)
    start = time.time()
    steps = args.steps
    first = []
    if args.seconds:
        # Time the data (the bottleneck) over a few dozen batches before fixing the schedule's length.
        # The batches the workers made ahead while starting up do not count.
        first = [next(batches) for _ in range(2 * args.workers + 8)]
        t0 = time.time()
        first += [next(batches) for _ in range(64)]
        rate = 64 / (time.time() - t0)
        steps = min(steps, int(len(first) + rate * 0.95 * (args.seconds - (time.time() - start))))
        print(f"{rate:.1f} batches/s of {args.batch} on {args.workers} workers: {steps} steps", flush=True)
    scheds = [torch.optim.lr_scheduler.OneCycleLR(o, max_lr=args.lr, total_steps=steps, pct_start=0.1) for o in opts]
    val_x = val_x.to(device)
    history = []
    done = 0
    for step in range(steps):
        if args.seconds and time.time() - start > 1.15 * args.seconds:
            print(f"out of time after {step} of {steps} steps", flush=True)  # keep what there is
            break
        x, labels, lengths = first[step] if step < len(first) else next(batches)
        x = x.to(device, non_blocking=True).float() / 255.0
        labels, lengths = labels.to(device), lengths.to(device)
        for m, o, s in zip(models, opts, scheds):
            logp = ctc_log_probs(m(x))
            loss = ctc(logp, labels, torch.full((x.shape[0],), logp.shape[0], dtype=torch.long, device=device), lengths)
            o.zero_grad()
            loss.backward()
            o.step()
            s.step()
        done = step + 1
        if step % args.report_every == 0 or step == steps - 1:
            line = {"step": step, "seconds": round(time.time() - start)}
            for name, m in zip(names, models):
                clean, hard = evaluate(m, val_x, val_t)
                line["w" + name] = [round(float(clean), 4), round(float(hard), 4)]
            history.append(line)
            print(json.dumps(line), flush=True)
    elapsed = time.time() - start
    base = os.path.splitext(args.weights)[0]
    for name, m in zip(names, models):
        path = args.weights if len(names) == 1 else f"{base}_w{name}.pt"
        torch.save({k: v.detach().cpu() for k, v in m.state_dict().items()}, path)
    report = {"stream": True, "device": torch.cuda.get_device_name() if device.type == "cuda" else "cpu",
              "steps": steps, "steps_done": done, "batch": args.batch, "seconds": round(elapsed), "widths": names, "lr": args.lr,
              "real_share": args.real_share, "hard": args.hard, "context": args.context, "seed": args.seed,
              "train_crops": len(train), "val_crops": len(val_t) // 2, "history": history[-3:]}
    with open(base + ".report.json", "w") as f:
        json.dump(report, f, indent=1)
    print(json.dumps(report), flush=True)


def main():
    ap = training_arguments(steps=1200, batch=64, bank=30000, seed=20261128)
    ap.add_argument("--lr", type=float, default=3e-3)
    ap.add_argument("--context", type=float, default=0.0, help="share of samples with a plate frame around them")
    ap.add_argument("--init", help="start from these weights (the second, fine-tuning stage)")
    ap.add_argument("--weights", default=os.path.join(HERE, "plate_ocr.pt"))
    ap.add_argument("--stream", action="store_true", help="fresh seeded samples every step instead of a bank; "
                    "writes weights only (export_models.py makes the ONNX file)")
    ap.add_argument("--device", default="cpu", help="stream: cpu (reproducible) or cuda (fast, not bit-reproducible: "
                    "CTC and atomics on CUDA)")
    ap.add_argument("--widths", default="1.0", help="stream: comma-separated model widths, one model each; "
                    "a width ending in i starts from --init")
    ap.add_argument("--workers", type=int, default=1, help="stream: sample-making processes")
    ap.add_argument("--seconds", type=float, default=0, help="stream: fit the steps into this many seconds")
    ap.add_argument("--real-share", type=float, default=0.4, help="stream: share of real us-crops samples")
    ap.add_argument("--report-every", type=int, default=500)
    ap.add_argument("--hard", action="store_true", help="stream: extra very small, washed-out and stretched samples "
                    "(platedata.ocr_sample; tried, not shipped: see docs/engine.md)")
    args = ap.parse_args()

    seed_everything(args.seed)

    train, val = P.load_crops(args.data)
    print(f"us-crops: {len(train)} train, {len(val)} validation", flush=True)
    val_x, val_t = validation_set(val, args.seed + 1)
    if args.stream:
        return train_stream(args, train, val_x, val_t)

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
