#!/usr/bin/python3
"""Reference labels of scikit-image's felzenszwalb for XaiLab's FelzenszwalbSegmentation tests.

Run with Debian's python3-skimage (0.19.3 on bookworm) and python3-numpy:
    apt-get install -y python3-skimage
    /usr/bin/python3 scripts/pair-reference/felzenszwalb_reference.py
It writes XaiLab.Tests/Engine/Attribution/Segmentation/References/felzenszwalb.bin.gz. Every image is stored as uint8
(H, W, C) and segmented as image * (1 / 255) in float64, so C# and scikit-image see identical numbers. Layout
(little-endian, gzip): b"XLFZ1", int32 cases; per case: int32 name length, UTF-8 name, int32 height, width, channels,
min_size, float64 sigma, int32 scale count, float64 scales, uint8 pixels, then int32 labels (H * W) per scale.
"""
import gzip
import os
import struct
import sys

import numpy as np
import skimage
from skimage import io, transform
from skimage.segmentation import felzenszwalb

XRAI_SCALES = [50.0, 100.0, 150.0, 250.0, 500.0, 1200.0]
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(os.path.dirname(ROOT), "shared", "fixtures", "COVID-19_Radiography_Dataset")
OUT = os.path.join(ROOT, "XaiLab.Tests", "Engine", "Attribution", "Segmentation", "References", "felzenszwalb.bin.gz")


def phantom(size, channels=1, seed=0):
    """A head-like ellipse with a bright blob and mild noise: the kind of slice XaiLab's phantoms are."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size] / size
    head = ((x - 0.5) / 0.38) ** 2 + ((y - 0.5) / 0.45) ** 2 <= 1
    skull = head & ~(((x - 0.5) / 0.34) ** 2 + ((y - 0.5) / 0.41) ** 2 <= 1)
    blob = ((x - 0.62) / 0.08) ** 2 + ((y - 0.4) / 0.06) ** 2 <= 1
    base = np.where(head, 90.0, 0.0) + np.where(skull, 120.0, 0.0) + np.where(blob, 70.0, 0.0)
    planes = [np.clip(base * (1 + 0.15 * c) + rng.normal(0, 6, base.shape), 0, 255) for c in range(channels)]
    return np.stack(planes, axis=-1).round().astype(np.uint8)


def fixture(name, size=None):
    image = io.imread(os.path.join(FIXTURES, name))
    if image.ndim == 3:
        image = image[..., 0]
    if size is not None:
        image = (transform.resize(image, (size, size), order=1, anti_aliasing=True, preserve_range=True)).round().astype(np.uint8)
    return image[..., None].astype(np.uint8)


def cases():
    rng = np.random.default_rng(19)
    ramp = np.tile(np.arange(128, dtype=np.float64) * 2, (128, 1))
    diag = (np.add.outer(np.arange(100), np.arange(100)) * 255 / 198)
    checker = ((np.add.outer(np.arange(64) // 8, np.arange(64) // 8) % 2) * 200 + 20)
    stripes = np.tile((np.arange(128) // 4 % 3) * 90, (64, 1))
    yield "noise-64", rng.integers(0, 256, (64, 64, 1)).astype(np.uint8), XRAI_SCALES, 0.8, 150
    yield "noise-80x96-rgb", rng.integers(0, 256, (80, 96, 3)).astype(np.uint8), XRAI_SCALES, 0.8, 150
    yield "noise-64-defaults", rng.integers(0, 256, (64, 64, 1)).astype(np.uint8), [1.0], 0.8, 20
    yield "noise-48-unsmoothed", rng.integers(0, 256, (48, 48, 1)).astype(np.uint8), [1.0, 100.0], 0.0, 10
    yield "flat-64", np.full((64, 64, 1), 128, np.uint8), XRAI_SCALES, 0.8, 150
    yield "flat-64-rgb", np.full((64, 64, 3), 77, np.uint8), XRAI_SCALES, 0.8, 150
    yield "ramp-128", ramp[..., None].round().astype(np.uint8), XRAI_SCALES, 0.8, 150
    yield "diagonal-100", diag[..., None].round().astype(np.uint8), XRAI_SCALES, 0.8, 150
    yield "checker-64", checker[..., None].astype(np.uint8), XRAI_SCALES, 0.8, 150
    yield "stripes-64x128", stripes[..., None].astype(np.uint8), XRAI_SCALES, 0.8, 150
    yield "line-1x64", rng.integers(0, 256, (1, 64, 1)).astype(np.uint8), [1.0, 50.0], 0.8, 5
    yield "tiny-2x2", np.array([[[10], [200]], [[10], [30]]], np.uint8), [1.0, 1200.0], 0.8, 1
    for size, seed in [(64, 1), (128, 2), (224, 3), (256, 4), (512, 5)]:
        yield f"phantom-{size}", phantom(size, 1, seed), XRAI_SCALES, 0.8, 150
    yield "phantom-128-rgb", phantom(128, 3, 6), XRAI_SCALES, 0.8, 150
    yield "phantom-96-rgb-sigma2", phantom(96, 3, 7), XRAI_SCALES, 2.0, 150
    if os.path.isdir(FIXTURES):
        yield "covid-1-224", fixture("COVID/images/COVID-1.png", 224), XRAI_SCALES, 0.8, 150
        yield "normal-1-128", fixture("Normal/images/Normal-1.png", 128), XRAI_SCALES, 0.8, 150
        yield "pneumonia-1-96", fixture("Viral Pneumonia/images/Viral Pneumonia-1.png", 96), XRAI_SCALES, 0.8, 150
        yield "covid-mask-1-128", fixture("COVID/masks/COVID-1.png", 128), XRAI_SCALES, 0.8, 150
    else:
        sys.exit(f"fixtures not found at {FIXTURES}")


def main():
    out = bytearray(b"XLFZ1")
    items = list(cases())
    out += struct.pack("<i", len(items))
    for name, image, scales, sigma, min_size in items:
        h, w, c = image.shape
        encoded = name.encode()
        out += struct.pack("<i", len(encoded)) + encoded
        out += struct.pack("<iiiid", h, w, c, min_size, sigma)
        out += struct.pack("<i", len(scales)) + struct.pack(f"<{len(scales)}d", *scales)
        out += image.tobytes()
        values = image.astype(np.float64) * (1.0 / 255.0)
        for scale in scales:
            labels = felzenszwalb(values, scale=scale, sigma=sigma, min_size=min_size, channel_axis=-1)
            out += labels.astype("<i4").tobytes()
    with gzip.open(OUT, "wb", compresslevel=9) as f:
        f.write(bytes(out))
    print(f"{len(items)} cases, scikit-image {skimage.__version__}, numpy {np.__version__} -> {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
