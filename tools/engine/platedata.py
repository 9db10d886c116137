"""Training data for the plate OCR and the plate detector: real us-crops, synthetic plates, composites.

Everything here is driven by an explicit numpy Generator so that a seeded run reproduces the shipped models.
Fonts come from Debian packages (fonts-dejavu-core, fonts-liberation2, fonts-urw-base35, fonts-roboto-unhinted,
fonts-freefont-ttf); missing ones are skipped, so install them all to reproduce the shipped files exactly.
"""
import csv
import hashlib
import os

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

# Class 0 is the CTC blank. The letter O is folded into 0: on US plates the two are drawn alike, many states never
# issue O, and the ground truth we validate against writes 0 (see docs/engine.md).
ALPHABET = "0123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"
NUM_CLASSES = len(ALPHABET) + 1
OCR_H, OCR_W = 48, 128

PLATE_FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Bold.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSansNarrow-Regular.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusSans-Bold.otf",
    "/usr/share/fonts/opentype/urw-base35/NimbusMonoPS-Bold.otf",
    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Bold.ttf",
    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Regular.ttf",
    "/usr/share/fonts/truetype/roboto/unhinted/RobotoCondensed-Medium.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationMono-Bold.ttf",
    "/usr/share/fonts/truetype/freefont/FreeSansBold.ttf",
]
DECOR_FONTS = PLATE_FONTS + [
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf",
    "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Bold.otf",
]

STATES = ["ALABAMA", "ALASKA", "ARIZONA", "ARKANSAS", "CALIFORNIA", "COLORADO", "CONNECTICUT", "DELAWARE", "FLORIDA",
          "GEORGIA", "HAWAII", "IDAHO", "ILLINOIS", "INDIANA", "IOWA", "KANSAS", "KENTUCKY", "LOUISIANA", "MAINE",
          "MARYLAND", "Massachusetts", "MICHIGAN", "MINNESOTA", "MISSISSIPPI", "MISSOURI", "MONTANA", "NEBRASKA",
          "NEVADA", "New Hampshire", "NEW JERSEY", "NEW MEXICO", "NEW YORK", "NORTH CAROLINA", "NORTH DAKOTA", "OHIO",
          "OKLAHOMA", "OREGON", "PENNSYLVANIA", "RHODE ISLAND", "SOUTH CAROLINA", "SOUTH DAKOTA", "TENNESSEE",
          "TEXAS", "UTAH", "VERMONT", "VIRGINIA", "WASHINGTON", "WEST VIRGINIA", "WISCONSIN", "WYOMING", "Ohio",
          "Texas", "California", "Florida", "Virginia"]
SLOGANS = ["Sunshine State", "The Lone Star State", "Land of Lincoln", "Empire State", "GARDEN STATE",
           "Live Free or Die", "Famous Potatoes", "Great Lakes", "dmv.ca.gov", "America's Dairyland", "First in Flight",
           "Show-Me State", "Wild Wonderful", "Grand Canyon State", "Aloha State", "Keystone State", "Ocean State",
           "Evergreen State", "Centennial State", "Pelican State", "Treasure State", "Volunteer State", "Sportsman's Paradise"]

# Letter/digit layouts seen on US plates; L = letter, D = digit, space = a gap or separator.
FORMATS = ["DLLLDDD", "LLLDDDD", "LLL DDDD", "DDD LLL", "LLL DDD", "DLL DDDD", "DDD DDDD", "LL DDDDD", "DDDDDD",
           "LLLDDD", "DDDLLL", "DLLDDD", "DDLLDD", "LL DDD", "DDD LDD", "LLDDDDD", "DLDDDDD", "DDDD LL", "L DDDDD",
           "DDDDLL", "LLL LDD", "DDD LLLL", "LLLL DDD", "DLDD", "DDDDD", "LLLLL", "LLLLLLL", "LLDDLLL", "DDDLDDD",
           "LDD LLL", "LLL DDL"]
LETTERS = "ABCDEFGHIJKLMNPQRSTUVWXYZ"
DIGITS = "0123456789"


def rng_for(seed):
    return np.random.default_rng(seed)


def encode_text(text):
    return [ALPHABET.index(c) + 1 for c in text.replace("O", "0") if c in ALPHABET or c == "O"]


def load_crops(data_dir):
    """us-crops as (path, state, text); split deterministically by a hash of the file name (15% validation)."""
    rows = []
    with open(os.path.join(data_dir, "plates", "us-crops", "groundtruth.csv")) as f:
        for r in csv.DictReader(f):
            text = r["plate"].strip().upper().replace("O", "0")
            if not (2 <= len(text) <= 8) or any(c not in ALPHABET for c in text):
                continue
            path = os.path.join(data_dir, "plates", "us-crops", r["file"])
            if not os.path.exists(path):  # a copy recompressed losslessly (WebP) to travel to the training machine
                path = os.path.splitext(path)[0] + ".webp"
            rows.append((path, r["state"], text))
    train, val = [], []
    for row in rows:
        name = os.path.splitext(os.path.basename(row[0]))[0] + ".png"  # the split follows the original file name
        h = int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)
        (val if h % 100 < 15 else train).append(row)
    return train, val


def _fonts(paths):
    """ALPR_FONT_ROOT relocates /usr/share/fonts (a machine without the Debian font packages, given a copy)."""
    root = os.environ.get("ALPR_FONT_ROOT")
    if root:
        paths = [os.path.join(root, p.lstrip("/")) for p in paths]
    return [p for p in paths if os.path.exists(p)]


class PlateRenderer:
    """Draws a plausible US plate (320x160 BGR) with a random number, state header, slogan, stickers and bolts."""

    def __init__(self):
        self.plate_fonts = _fonts(PLATE_FONTS)
        self.decor_fonts = _fonts(DECOR_FONTS)
        self._cache = {}

    def font(self, path, size):
        key = (path, size)
        if key not in self._cache:
            self._cache[key] = ImageFont.truetype(path, size)
        return self._cache[key]

    def random_text(self, rng):
        fmt = FORMATS[rng.integers(len(FORMATS))]
        out = []
        for c in fmt:
            if c == "L":
                out.append(LETTERS[rng.integers(len(LETTERS))])
            elif c == "D":
                out.append(DIGITS[rng.integers(len(DIGITS))])
            else:
                out.append(" ")
        return "".join(out)

    def render(self, rng, text=None):
        w, h = 320, 160
        if text is None:
            text = self.random_text(rng)
        dark = rng.random() < 0.15
        if dark:
            bg = tuple(int(v) for v in rng.integers(0, 110, 3))
            fg = tuple(int(v) for v in rng.integers(190, 256, 3))
        else:
            bg = tuple(int(v) for v in rng.integers(170, 256, 3))
            fg = tuple(int(v) for v in rng.integers(0, 120, 3))
            if rng.random() < 0.3:  # red, blue or green numbers are common
                fg = [(150, 20, 20), (20, 30, 140), (20, 90, 40), (120, 20, 80)][rng.integers(4)]
        img = Image.new("RGB", (w, h), bg)
        d = ImageDraw.Draw(img)
        # background art: gradient bands, hills, a sky
        for _ in range(rng.integers(0, 4)):
            col = tuple(int(np.clip(b + rng.integers(-70, 70), 0, 255)) for b in bg)
            y0 = int(rng.integers(h // 3, h))
            pts = [(0, h), (0, y0)] + [(int(x), int(y0 + rng.integers(-30, 30))) for x in np.linspace(0, w, 6)] + [(w, h)]
            d.polygon(pts, fill=col)
        if rng.random() < 0.3:
            band = tuple(int(v) for v in rng.integers(0, 256, 3))
            d.rectangle([0, 0, w, int(rng.integers(25, 45))], fill=band)
        # header: state name, slogan
        hf = self.font(self.decor_fonts[rng.integers(len(self.decor_fonts))], int(rng.integers(18, 34)))
        state = STATES[rng.integers(len(STATES))]
        hc = tuple(int(v) for v in rng.integers(0, 256, 3)) if rng.random() < 0.5 else fg
        tw = d.textlength(state, font=hf)
        d.text(((w - tw) / 2 + rng.integers(-10, 10), rng.integers(2, 12)), state, font=hf, fill=hc)
        if rng.random() < 0.7:
            sf = self.font(self.decor_fonts[rng.integers(len(self.decor_fonts))], int(rng.integers(12, 20)))
            slogan = SLOGANS[rng.integers(len(SLOGANS))]
            tw = d.textlength(slogan, font=sf)
            d.text(((w - tw) / 2, h - rng.integers(20, 30)), slogan, font=sf, fill=hc)
        # stickers in the corners
        for _ in range(rng.integers(0, 3)):
            sx = int(rng.choice([rng.integers(5, 40), rng.integers(w - 60, w - 20)]))
            sy = int(rng.choice([rng.integers(3, 25), rng.integers(h - 45, h - 25)]))
            sc = tuple(int(v) for v in rng.integers(0, 256, 3))
            d.rectangle([sx, sy, sx + int(rng.integers(20, 40)), sy + int(rng.integers(14, 24))], fill=sc)
            small = self.font(self.decor_fonts[0], 11)
            d.text((sx + 2, sy + 1), str(rng.integers(10, 99)), font=small, fill=(0, 0, 0))
        # the number itself, scaled to fill the plate's middle band
        pf_path = self.plate_fonts[rng.integers(len(self.plate_fonts))]
        size = int(rng.integers(64, 92))
        pf = self.font(pf_path, size)
        sep = [" ", "-", "·", " "][rng.integers(4)]
        shown = text.replace(" ", sep if rng.random() < 0.6 else "")
        layer = Image.new("L", (int(d.textlength(shown, font=pf)) + 20, size + 30), 0)
        ImageDraw.Draw(layer).text((10, 5), shown, font=pf, fill=255)
        box = layer.getbbox()
        if box is None:
            return self.render(rng)
        layer = layer.crop(box)
        target_w = int(min(w * rng.uniform(0.62, 0.92), layer.width * rng.uniform(0.8, 1.4) * 62 / max(1, layer.height)))
        target_h = int(h * rng.uniform(0.36, 0.52))
        layer = layer.resize((max(10, target_w), max(10, target_h)), Image.BILINEAR)
        ox = (w - layer.width) // 2 + int(rng.integers(-12, 12))
        oy = int(h * 0.5 - layer.height / 2 + rng.integers(-8, 10))
        img.paste(Image.new("RGB", layer.size, fg), (ox, oy), layer)
        if rng.random() < 0.5:
            bc = tuple(int(v) for v in rng.integers(0, 120, 3))
            d.rounded_rectangle([2, 2, w - 3, h - 3], radius=12, outline=bc, width=int(rng.integers(2, 6)))
        for bx in (int(w * 0.22), int(w * 0.78)):
            if rng.random() < 0.6:
                by = int(rng.choice([12, h - 14]))
                d.ellipse([bx - 5, by - 5, bx + 5, by + 5], fill=(60, 60, 60))
        bgr = cv2.cvtColor(np.asarray(img), cv2.COLOR_RGB2BGR)
        return bgr, text.replace(" ", "")


def degrade(rng, img):
    """Photometric damage: blur, glare, dirt, noise, low resolution, JPEG."""
    img = img.astype(np.float32)
    h, w = img.shape[:2]
    if rng.random() < 0.3:  # glare: a bright soft blob
        cx, cy, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.2, 0.8) * w
        yy, xx = np.mgrid[0:h, 0:w]
        img += (np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r)) * rng.uniform(40, 140))[..., None]
    if rng.random() < 0.3:  # dirt: dark speckles
        mask = (rng.random((h, w)) < rng.uniform(0.002, 0.02)).astype(np.float32)
        mask = cv2.GaussianBlur(mask, (0, 0), rng.uniform(0.8, 2.5)) * rng.uniform(100, 400)
        img -= mask[..., None]
    gain, bias = rng.uniform(0.45, 1.3), rng.uniform(-50, 40)
    img = img * gain + bias
    if rng.random() < 0.3:  # colour cast
        img *= rng.uniform(0.8, 1.2, 3)[None, None, :]
    img = np.clip(img, 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        k = rng.uniform(0.3, 1.2) * min(1.0, w / 100.0)
        img = cv2.GaussianBlur(img, (0, 0), max(0.3, k))
    elif rng.random() < 0.15 and w > 90:  # motion blur
        n = int(rng.integers(3, 6))
        kern = np.zeros((n, n), np.float32)
        kern[n // 2, :] = 1.0 / n
        rot = cv2.getRotationMatrix2D((n / 2 - 0.5, n / 2 - 0.5), rng.uniform(0, 180), 1.0)
        kern = cv2.warpAffine(kern, rot, (n, n))
        kern /= max(kern.sum(), 1e-6)
        img = cv2.filter2D(img, -1, kern)
    if rng.random() < 0.6:
        img = np.clip(img.astype(np.float32) + rng.normal(0, rng.uniform(2, 12), img.shape), 0, 255).astype(np.uint8)
    if rng.random() < 0.5:
        q = int(rng.integers(25, 90))
        ok, enc = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, q])
        img = cv2.imdecode(enc, cv2.IMREAD_UNCHANGED)
    return img


def framed(rng, plate_bgr, renderer=None):
    """The plate inside a licence-plate frame (dealer name above and below) on a bumper, as real plates sit."""
    h, w = plate_bgr.shape[:2]
    side, top, bottom = (int(w * rng.uniform(0.03, 0.12)), int(h * rng.uniform(0.08, 0.3)),
                         int(h * rng.uniform(0.08, 0.3)))
    pad = int(w * 0.25)
    canvas = np.empty((h + 2 * pad, w + 2 * pad, 3), np.uint8)
    canvas[:] = rng.integers(0, 256, 3)
    frame_col = rng.integers(0, 256, 3) if rng.random() < 0.5 else rng.integers(0, 60, 3)
    cv2.rectangle(canvas, (pad - side, pad - top), (pad + w + side, pad + h + bottom),
                  tuple(int(v) for v in frame_col), -1)
    canvas[pad:pad + h, pad:pad + w] = plate_bgr
    if renderer is not None and rng.random() < 0.7:  # dealer text on the frame
        text_col = tuple(int(v) for v in (255 - frame_col))
        for y0, band in ((pad - top, top), (pad + h, bottom)):
            if band < 10:
                continue
            words = P_WORDS[rng.integers(len(P_WORDS))]
            size = max(8, int(band * 0.7))
            cv2.putText(canvas, words, (pad, y0 + int(band * 0.8)), cv2.FONT_HERSHEY_SIMPLEX, size / 30.0, text_col,
                        max(1, size // 12), cv2.LINE_AA)
    return canvas, pad


P_WORDS = ["TOYOTA OF DALLAS", "LEE KIA", "NORTH MIAMI", "VOLKSWAGEN", "HONDA", "FORD", "BMW OF AUSTIN",
           "CALL 555-0100", "STEVENS CREEK", "AUTO MALL", "GO TEAM", "MOM'S TAXI"]


def ocr_sample(rng, plate_bgr, context_prob=0.0, hard=False):
    """A plate image as the detector hands it to the OCR: quad with error, low resolution, then 48x128 gray.
    With context_prob the plate sits in a dealer frame and the quad may take in part of it, as the detector's
    quads on real cars do. hard adds the drive-by's failure modes: more very small plates (32-72 px wide, where an F
    closes into a P and an A turns into a 4), washed-out and tinted plates, and the engine's own stretch of
    low-contrast crops (PlateOcrNet), so the network sees what the engine hands it."""
    h, w = plate_bgr.shape[:2]
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    jit = np.float32([[w, h]]) * rng.uniform(-0.07, 0.07, (4, 2)).astype(np.float32)
    # The detector tends to be loose rather than tight: bias the quad outwards a little.
    grow = rng.uniform(-0.02, 0.08)
    if context_prob > 0 and rng.random() < context_prob:
        plate_bgr, pad = framed(rng, plate_bgr, True)
        src += pad
        grow = 0.0
        jit += np.float32([[-1, -1], [1, -1], [1, 1], [-1, 1]]) * np.float32(
            [[w * rng.uniform(0.0, 0.12), h * rng.uniform(0.0, 0.3)]])
    src = src + jit + np.float32([[-w, -h], [w, -h], [w, h], [-w, h]]) * grow * 0.5
    # simulate a small plate in the scene: the OCR input is upsampled from few pixels
    small_w = int(rng.uniform(32, 72)) if hard and rng.random() < 0.35 else int(rng.uniform(44, 200))
    small_h = max(12, int(small_w * rng.uniform(0.42, 0.6)))
    dst = np.float32([[0, 0], [small_w, 0], [small_w, small_h], [0, small_h]])
    m = cv2.getPerspectiveTransform(src, dst)
    border = cv2.BORDER_REPLICATE if rng.random() < 0.5 else cv2.BORDER_CONSTANT
    bval = tuple(int(v) for v in rng.integers(0, 256, 3))
    small = cv2.warpPerspective(plate_bgr, m, (small_w, small_h), flags=cv2.INTER_AREA if small_w < w else cv2.INTER_LINEAR,
                                borderMode=border, borderValue=bval)
    small = degrade(rng, small)
    if hard and rng.random() < 0.15:
        small = washed_out(rng, small)
    gray = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
    if rng.random() < 0.1:
        gray = 255 - gray
    gray = cv2.resize(gray, (OCR_W, OCR_H), interpolation=cv2.INTER_LINEAR)
    if hard and int(gray.max()) - int(gray.min()) < LOW_CONTRAST_RANGE:
        gray = cv2.normalize(gray, None, 0, 255, cv2.NORM_MINMAX)
    return gray


# PlateOcrNet stretches a rectified crop using less grey range than this to the full range before reading it.
LOW_CONTRAST_RANGE = 128


def washed_out(rng, img):
    """Faded paint, glare or a pale tinted background: ink and background a few dozen grey levels apart."""
    img = img.astype(np.float32)
    mean = img.mean(axis=(0, 1), keepdims=True)
    img = mean + (img - mean) * rng.uniform(0.12, 0.45) + rng.uniform(-20, 60)
    if rng.random() < 0.6:  # a pale green, blue, yellow or pink tint
        img *= rng.uniform(0.75, 1.15, 3)[None, None, :]
    return np.clip(img, 0, 255).astype(np.uint8)


def background_frames(data_dir, rng, count=240):
    """Street scenes without readable plates (GoPro sample clips) used behind detector composites."""
    frames = []
    for clip in ("karma.mp4", "max-heromode.mp4"):
        cap = cv2.VideoCapture(os.path.join(data_dir, "footage", clip))
        i = 0
        while True:
            ok, frame = cap.read()
            if not ok:
                break
            if i % 3 == 0:
                frames.append(frame)
            i += 1
    idx = rng.permutation(len(frames))[:count]
    return [frames[i] for i in sorted(idx)]
