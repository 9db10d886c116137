"""The two networks the engine runs through cv::dnn. Only ops OpenCV 4.6's ONNX importer takes (see NOTES.md):
plain conv + batch norm + ReLU + max pooling, nearest upsampling, no squeeze, no clamp, fixed input shapes."""
import torch
import torch.nn as nn
import torch.nn.functional as F

from platedata import NUM_CLASSES


def cbr(cin, cout, k=3, s=1, p=None):
    if p is None:
        p = k // 2 if isinstance(k, int) else (k[0] // 2, k[1] // 2)
    return nn.Sequential(nn.Conv2d(cin, cout, k, s, p, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True))


class PlateOcr(nn.Module):
    """1x48x128 gray plate -> 1 x classes x 1 x 32 CTC logits (one column per 4 input pixels).
    width scales every layer's channels (1.0 is the original 24-48-64-64-96-128-128)."""

    def __init__(self, width=1.0):
        super().__init__()
        c = [int(round(n * width)) for n in (24, 48, 64, 96, 128)]
        self.features = nn.Sequential(
            cbr(1, c[0]), nn.MaxPool2d(2),                      # 24 x 64
            cbr(c[0], c[1]), nn.MaxPool2d(2),                   # 12 x 32
            cbr(c[1], c[2]), cbr(c[2], c[2]), nn.MaxPool2d((2, 1)),  # 6 x 32
            cbr(c[2], c[3]), nn.MaxPool2d((2, 1)),              # 3 x 32
            cbr(c[3], c[4], k=(3, 1), p=(0, 0)),                # 1 x 32
            cbr(c[4], c[4], k=(1, 3), p=(0, 1)),
            nn.Dropout(0.1),
        )
        self.classifier = nn.Conv2d(c[4], NUM_CLASSES, 1)

    @staticmethod
    def width_of(state_dict):
        """The width a saved state dict was trained with (its first layer has 24 x width channels)."""
        return state_dict["features.0.0.weight"].shape[0] / 24.0

    def forward(self, x):
        return self.classifier(self.features(x))


def ctc_log_probs(logits):
    """N x C x 1 x T logits -> T x N x C log-probabilities for nn.CTCLoss."""
    n, c, _, t = logits.shape
    return F.log_softmax(logits.reshape(n, c, t).permute(2, 0, 1), dim=2)


class PlateDetector(nn.Module):
    """CenterNet-style: 3xHxW image -> stride-8 maps: 1 centre heat logit, 2 centre offsets, 8 corner offsets."""

    OUTPUTS = 11

    def __init__(self):
        super().__init__()
        self.s2 = nn.Sequential(cbr(3, 16, s=2), cbr(16, 32, s=2))    # /4
        self.s3 = nn.Sequential(cbr(32, 48, s=2), cbr(48, 48))        # /8
        self.s4 = nn.Sequential(cbr(48, 64, s=2), cbr(64, 64))        # /16
        self.s5 = nn.Sequential(cbr(64, 64, s=2), cbr(64, 64))        # /32
        self.lat4 = nn.Conv2d(64, 64, 1)
        self.fuse4 = cbr(64, 64)
        self.lat3 = nn.Conv2d(48, 64, 1)
        self.fuse3 = cbr(64, 48)
        self.head = nn.Sequential(cbr(48, 48, k=1), nn.Conv2d(48, self.OUTPUTS, 1))
        self.head[-1].bias.data[0] = -4.0  # start with "no plate anywhere" so focal loss is stable

    def forward(self, x):
        f3 = self.s3(self.s2(x))
        f4 = self.s4(f3)
        f5 = self.s5(f4)
        p4 = self.fuse4(self.lat4(f4) + F.interpolate(f5, scale_factor=2.0, mode="nearest"))
        p3 = self.fuse3(self.lat3(f3) + F.interpolate(p4, scale_factor=2.0, mode="nearest"))
        return self.head(p3)


def training_arguments(steps, batch, bank, seed):
    """The options both training scripts share; each adds its own before calling parse_args()."""
    import argparse
    import os
    repo = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.path.abspath(os.path.join(repo, "..", "shared", "data")))
    ap.add_argument("--steps", type=int, default=steps)
    ap.add_argument("--batch", type=int, default=batch)
    ap.add_argument("--bank", type=int, default=bank)
    ap.add_argument("--seed", type=int, default=seed)
    ap.add_argument("--out", default=os.path.join(repo, "resources", "models"))
    return ap


def seed_everything(seed):
    import random
    import cv2
    import numpy as np
    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)
    torch.set_num_threads(1)  # OpenMP barriers stall badly on a shared 2-core machine
    cv2.setNumThreads(1)


def export_onnx(model, shape, path):
    model.eval()
    dummy = torch.zeros(*shape)
    torch.onnx.export(model, dummy, path, opset_version=11, input_names=["input"], output_names=["output"],
                      do_constant_folding=True)
    inline_identities(path)


def inline_identities(path):
    """The exporter shares equal folded weights through Identity nodes, which OpenCV 4.6 cannot import: give each
    consumer its own copy of the initializer instead."""
    import onnx
    model = onnx.load(path)
    inits = {t.name: t for t in model.graph.initializer}
    for node in [n for n in model.graph.node if n.op_type == "Identity" and n.input[0] in inits]:
        copy = onnx.TensorProto()
        copy.CopyFrom(inits[node.input[0]])
        copy.name = node.output[0]
        model.graph.initializer.append(copy)
        model.graph.node.remove(node)
    onnx.checker.check_model(model)
    onnx.save(model, path)
