#!/usr/bin/python3
"""Exports the trained weights (plate_ocr.pt, plate_detector.pt written by the training scripts) to the ONNX files
in resources/models, and checks that OpenCV's dnn module loads them and agrees with PyTorch."""
import argparse
import os

import cv2
import numpy as np
import torch

import platedata as P
from models import PlateDetector, PlateOcr, export_onnx
from train_detector import EXPORT_SHAPE

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))


def export(model_class, weights, shape, path):
    state = torch.load(weights, map_location="cpu")
    model = model_class(PlateOcr.width_of(state)) if model_class is PlateOcr else model_class()
    model.load_state_dict(state)
    model.eval()
    export_onnx(model, shape, path)
    x = np.random.default_rng(0).random(shape, dtype=np.float32)
    net = cv2.dnn.readNetFromONNX(path)
    net.setInput(x)
    ours = net.forward()
    with torch.no_grad():
        theirs = model(torch.from_numpy(x)).numpy()
    err = float(np.abs(ours - theirs).max())
    print(f"{os.path.basename(path)}: {os.path.getsize(path) / 1e6:.2f} MB, OpenCV vs PyTorch max diff {err:.2e}")
    assert err < 1e-3, "OpenCV disagrees with PyTorch"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(REPO, "resources", "models"))
    ap.add_argument("--ocr", default=os.path.join(HERE, "plate_ocr.pt"), help="OCR weights (any width)")
    ap.add_argument("--ocr-only", action="store_true")
    args = ap.parse_args()
    export(PlateOcr, args.ocr, (1, 1, P.OCR_H, P.OCR_W), os.path.join(args.out, "plate_ocr.onnx"))
    if not args.ocr_only:
        export(PlateDetector, os.path.join(HERE, "plate_detector.pt"), EXPORT_SHAPE,
               os.path.join(args.out, "plate_detector.onnx"))


if __name__ == "__main__":
    main()
