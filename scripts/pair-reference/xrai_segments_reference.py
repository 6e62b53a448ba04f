#!/usr/bin/python3
"""Reference XRAI segmentations made by PAIR saliency's own _get_segments_felzenszwalb, for XaiLab's XraiSegmentation.

PAIR saliency is read from a checkout outside the project (never copied in); Debian's scikit-image does the work:
    apt-get install -y python3-skimage
    git clone https://github.com/PAIR-code/saliency /tmp/pair-saliency
    /usr/bin/python3 scripts/pair-reference/xrai_segments_reference.py /tmp/pair-saliency
It writes XaiLab.Tests/Engine/Attribution/Segmentation/References/xrai-segments.bin.gz. Per case the float32 image
(H, W, C) as XRAI receives it, PAIR's normalised and resized 224 x 224 x C float32 image (_normalize_image), and the six
labellings PAIR unpacks into masks (resized back to H x W), captured by wrapping _unpack_segs_to_masks. Layout
(little-endian, gzip): b"XLXS1", int32 cases; per case: int32 name length, UTF-8 name, int32 height, width, channels,
float32 pixels (H * W * C), int32 1 when the float32 resized image (224 * 224 * C) follows, int32 labelling count, int32 labels (H * W) per labelling.
"""
import gzip
import os
import struct
import sys

import numpy as np

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "/tmp/pair-saliency")
from saliency.core import xrai  # noqa: E402
import skimage  # noqa: E402
from skimage import io, transform  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(os.path.dirname(ROOT), "shared", "fixtures", "COVID-19_Radiography_Dataset")
OUT = os.path.join(ROOT, "XaiLab.Tests", "Engine", "Attribution", "Segmentation", "References", "xrai-segments.bin.gz")


def phantom(size, channels, seed):
    """A z-scored head-like phantom, as XaiLab's preprocessing feeds the network (float32)."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:size, 0:size] / size
    head = ((x - 0.5) / 0.38) ** 2 + ((y - 0.5) / 0.45) ** 2 <= 1
    blob = ((x - 0.6) / 0.09) ** 2 + ((y - 0.42) / 0.07) ** 2 <= 1
    base = np.where(head, 1.0, -1.2) + np.where(blob, 1.5, 0.0)
    # Noise on a 1/32 grid keeps the file small (it compresses) without making the image flat.
    planes = [base * (1 + 0.2 * c) + np.round(rng.normal(0, 0.15, base.shape) * 32) / 32 for c in range(channels)]
    return np.stack(planes, axis=-1).astype(np.float32)


def fixture(name, size):
    image = io.imread(os.path.join(FIXTURES, name)).astype(np.float64)
    if image.ndim == 3:
        image = image[..., 0]
    image = transform.resize(image, (size, size), order=1, anti_aliasing=True, preserve_range=True)
    return ((image - image.mean()) / image.std())[..., None].astype(np.float32)


def cases():
    rng = np.random.default_rng(7)
    # (name, image, whether PAIR's resized 224 x 224 image is stored too: for a few, it does not compress)
    yield "phantom-64", phantom(64, 1, 1), True
    yield "phantom-100", phantom(100, 1, 2), False
    yield "phantom-224", phantom(224, 1, 3), False
    yield "phantom-300", phantom(300, 1, 4), True
    yield "phantom-80-rgb", phantom(80, 3, 5), False
    yield "noise-48", rng.normal(0, 1, (48, 48, 1)).astype(np.float32), True
    yield "covid-1-128", fixture("COVID/images/COVID-1.png", 128), False
    yield "normal-1-96", fixture("Normal/images/Normal-1.png", 96), False


def main():
    captured = []
    unpack = xrai._unpack_segs_to_masks

    def capture(segs):
        captured.append([np.asarray(s) for s in segs])
        return unpack(segs)

    xrai._unpack_segs_to_masks = capture
    out = bytearray(b"XLXS1")
    items = list(cases())
    out += struct.pack("<i", len(items))
    for name, image, with_resized in items:
        h, w, c = image.shape
        captured.clear()
        xrai._get_segments_felzenszwalb(image)
        resized = xrai._normalize_image(image, xrai._FELZENSZWALB_IM_VALUE_RANGE, xrai._FELZENSZWALB_IM_RESIZE)
        assert resized.dtype == np.float32, resized.dtype
        encoded = name.encode()
        out += struct.pack("<i", len(encoded)) + encoded + struct.pack("<iii", h, w, c)
        out += image.astype("<f4").tobytes() + struct.pack("<i", 1 if with_resized else 0)
        if with_resized:
            out += resized.astype("<f4").tobytes()
        out += struct.pack("<i", len(captured[0]))
        for labels in captured[0]:
            out += labels.astype("<i4").tobytes()
    with gzip.open(OUT, "wb", compresslevel=9) as f:
        f.write(bytes(out))
    print(f"{len(items)} cases, scikit-image {skimage.__version__}, numpy {np.__version__} -> {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
