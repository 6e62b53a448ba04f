#!/usr/bin/python3
"""Reference maps made by PAIR saliency on a small model whose weights are checked in, for XaiLab's attribution tests.

Needs Debian's python3-torch (1.13) and python3-skimage, and a PAIR saliency checkout outside the project:
    apt-get install -y python3-torch python3-skimage
    git clone https://github.com/PAIR-code/saliency /tmp/pair-saliency
    /usr/bin/python3 scripts/pair-reference/pair_maps_reference.py /tmp/pair-saliency
Writes, under XaiLab.Tests/Engine/Attribution/References/: smallcnn-32.pth, the state dict of a network with XaiLab's
SmallCnn layout and names (1 channel, 32 px, 3 classes, global average pooling head; seeded random weights and batch
norm statistics, eval mode), and pair-maps.bin.gz: per input, the float32 (H, W, C) image, the explained class (the
network's prediction), the 25 unit-normal noise draws fed to SmoothGrad (numpy's normal replaced by loc + scale * z),
and PAIR's maps: smooth-vanilla-gradient (magnitude=True), xrai (full, 100 steps), guided-ig (200 steps, fraction 0.25,
max_dist 0.02), vanilla-gradient and integrated-gradients (25 steps, zero baseline). And pair-guided-ig-gradients.bin.gz:
for inputs 2 and 3, the 200 float32 gradients PAIR's Guided IG asked the network for, one per step, along its own path, so a test
can replay PAIR's path with PAIR's gradients (b"XLGG1", int32 inputs; per input: int32 index, int32 steps, float32
gradients steps * H * W * C). It also prints how far PAIR's own Guided IG moves when the network runs in float64 or its
float32 gradients are jittered by 1e-7 of their largest magnitude. The explained output is the
softmax probability of the class, as XaiLab's ClassifierProbe. Layout (little-endian, gzip): b"XLPM1", int32 inputs;
per input: int32 height, width, channels, target, float32 image, int32 noise count, float32 noise (count * H * W * C),
int32 map count, then per map: int32 name length, UTF-8 name, float32 values (H * W * C), float64
VisualizeImageGrayscale(values, 99) (H * W), float64 VisualizeImageDiverging(values, 99) (H * W).
"""
import copy
import gzip
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "/tmp/pair-saliency")
import saliency.core as saliency  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(ROOT, "XaiLab.Tests", "Engine", "Attribution", "References")
SIZE, CLASSES, SAMPLES = 32, 3, 25
REPLAYED = (2, 3)  # the inputs whose Guided IG path on libtorch 2.10 parts from PAIR's on torch 1.13


class Head(nn.Module):
    def __init__(self, channels, classes):
        super().__init__()
        self.classifier = nn.Linear(channels, classes)

    def forward(self, x):
        return self.classifier(x.mean(dim=(2, 3)))


class SmallCnn(nn.Module):
    """XaiLab's SmallCnn: four conv3x3 (no bias) + batch norm + ReLU + max-pool blocks of 16, 32, 64, 128 channels."""

    def __init__(self):
        super().__init__()
        layers, channels = [], 1
        for i, width in enumerate([16, 32, 64, 128]):
            layers += [(f"conv{i + 1}", nn.Conv2d(channels, width, 3, padding=1, bias=False)), (f"bn{i + 1}", nn.BatchNorm2d(width)),
                       (f"relu{i + 1}", nn.ReLU()), (f"pool{i + 1}", nn.MaxPool2d(2))]
            channels = width
        self.features = nn.Sequential(__import__("collections").OrderedDict(layers))
        self.head = Head(channels, CLASSES)

    def forward(self, x):
        return self.head(self.features(x))


def phantom(seed):
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:SIZE, 0:SIZE] / SIZE
    head = ((x - 0.5) / 0.38) ** 2 + ((y - 0.5) / 0.45) ** 2 <= 1
    cx, cy = rng.uniform(0.35, 0.65, 2)
    blob = ((x - cx) / 0.12) ** 2 + ((y - cy) / 0.1) ** 2 <= 1
    image = np.where(head, 0.8, -1.1) + np.where(blob, 1.2, 0.0) + rng.normal(0, 0.2, head.shape)
    return image[..., None].astype(np.float32)


def main():
    torch.manual_seed(17)
    model = SmallCnn()
    with torch.no_grad():
        for module in model.modules():
            if isinstance(module, nn.BatchNorm2d):
                module.running_mean.uniform_(-0.2, 0.2)
                module.running_var.uniform_(0.5, 1.5)
                module.weight.uniform_(0.6, 1.4)
                module.bias.uniform_(-0.2, 0.2)
    model.eval()
    os.makedirs(OUT_DIR, exist_ok=True)
    torch.save(model.state_dict(), os.path.join(OUT_DIR, "smallcnn-32.pth"))

    def call_model(images, call_model_args=None, expected_keys=None):
        batch = torch.tensor(np.asarray(images, dtype=np.float32)).permute(0, 3, 1, 2).requires_grad_(True)
        probabilities = torch.softmax(model(batch), dim=1)[:, call_model_args["target"]]
        gradients = torch.autograd.grad(probabilities, batch, grad_outputs=torch.ones_like(probabilities))[0]
        return {saliency.INPUT_OUTPUT_GRADIENTS: gradients.permute(0, 2, 3, 1).detach().numpy()}

    model64 = copy.deepcopy(model).double().eval()

    def call_model64(images, call_model_args=None, expected_keys=None):
        """The same network in float64 end to end: Guided IG's path then no longer hangs on float32 rounding."""
        batch = torch.tensor(np.asarray(images, dtype=np.float64)).permute(0, 3, 1, 2).requires_grad_(True)
        probabilities = torch.softmax(model64(batch), dim=1)[:, call_model_args["target"]]
        gradients = torch.autograd.grad(probabilities, batch, grad_outputs=torch.ones_like(probabilities))[0]
        return {saliency.INPUT_OUTPUT_GRADIENTS: gradients.permute(0, 2, 3, 1).detach().numpy()}

    def call_model_jittered(images, call_model_args=None, expected_keys=None):
        """float32 gradients moved by up to 1e-7 of their largest magnitude (float32 rounding of sums in another summation
        order, which is what another libtorch build gives): a sensitivity probe."""
        gradients = call_model(images, call_model_args)[saliency.INPUT_OUTPUT_GRADIENTS]
        jitter = jitter_rng.uniform(-1e-7, 1e-7, gradients.shape) * np.abs(gradients).max()
        return {saliency.INPUT_OUTPUT_GRADIENTS: (gradients + jitter).astype(np.float32)}

    jitter_rng = np.random.default_rng(7)
    recorded = []

    def call_model_recorded(images, call_model_args=None, expected_keys=None):
        """call_model, keeping each gradient Guided IG asked for (one per step) for the replay reference."""
        result = call_model(images, call_model_args)
        recorded.append(result[saliency.INPUT_OUTPUT_GRADIENTS][0].copy())
        return result

    out = bytearray(b"XLPM1")
    gradients_out = bytearray(b"XLGG1") + struct.pack("<i", len(REPLAYED))
    inputs = [phantom(seed) for seed in range(4)]
    out += struct.pack("<i", len(inputs))
    original_normal = np.random.normal
    sensitivity = []
    for image in inputs:
        h, w, c = image.shape
        with torch.no_grad():
            target = int(model(torch.tensor(image).permute(2, 0, 1)[None]).argmax())
        args = {"target": target}
        noise = np.random.default_rng(target + 100).standard_normal((SAMPLES, h, w, c)).astype(np.float32)
        draws = iter(noise)
        np.random.normal = lambda loc, scale, size: loc + scale * next(draws).astype(np.float64)
        smooth = saliency.GradientSaliency().GetSmoothedMask(image, call_model, args, stdev_spread=0.15, nsamples=SAMPLES, magnitude=True)
        np.random.normal = original_normal
        maps = {
            "smooth-vanilla-gradient": smooth,
            "vanilla-gradient": saliency.GradientSaliency().GetMask(image, call_model, args),
            "integrated-gradients": saliency.IntegratedGradients().GetMask(image, call_model, args, x_steps=25,
                                                                           x_baseline=np.zeros_like(image), batch_size=25),
            "guided-ig": saliency.GuidedIG().GetMask(image, call_model, args, x_steps=200, x_baseline=np.zeros_like(image),
                                                     fraction=0.25, max_dist=0.02),
            "xrai": saliency.XRAI().GetMask(image, call_model, args, batch_size=20),
        }
        guided64 = saliency.GuidedIG().GetMask(image, call_model64, args, x_steps=200, x_baseline=np.zeros_like(image),
                                               fraction=0.25, max_dist=0.02)
        recorded.clear()
        replayed = saliency.GuidedIG().GetMask(image, call_model_recorded, args, x_steps=200, x_baseline=np.zeros_like(image),
                                               fraction=0.25, max_dist=0.02)
        assert np.array_equal(replayed, maps["guided-ig"]) and len(recorded) == 200
        if len(sensitivity) in REPLAYED:
            gradients_out += struct.pack("<ii", len(sensitivity), len(recorded)) + np.stack(recorded).astype("<f4").tobytes()
        jittered = saliency.GuidedIG().GetMask(image, call_model_jittered, args, x_steps=200, x_baseline=np.zeros_like(image),
                                               fraction=0.25, max_dist=0.02)
        scale = np.abs(maps["guided-ig"]).max()
        print(f"input {len(sensitivity)}: guided-ig, PAIR against itself: float64 network "
              f"{np.abs(guided64 - maps['guided-ig']).max() / scale:.3g}, "
              f"gradients jittered by 1e-7 of their largest {np.abs(jittered - maps['guided-ig']).max() / scale:.3g}")
        sensitivity.append(scale)
        out += struct.pack("<iiii", h, w, c, target) + image.astype("<f4").tobytes()
        out += struct.pack("<i", SAMPLES) + noise.astype("<f4").tobytes()
        out += struct.pack("<i", len(maps))
        for name, values in maps.items():
            values = np.asarray(values, dtype=np.float32).reshape(h, w, -1)
            if values.shape[2] != c:  # XRAI returns one value per pixel
                values = np.repeat(values, c, axis=2)
            encoded = name.encode()
            out += struct.pack("<i", len(encoded)) + encoded + values.astype("<f4").tobytes()
            # PAIR's display normalisation of the map (float64 in numpy; stored as float64 too).
            out += saliency.VisualizeImageGrayscale(values.astype(np.float32), percentile=99).astype("<f8").tobytes()
            out += saliency.VisualizeImageDiverging(values.astype(np.float32), percentile=99).astype("<f8").tobytes()
    path = os.path.join(OUT_DIR, "pair-maps.bin.gz")
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(bytes(out))
    print(f"{len(inputs)} inputs, torch {torch.__version__} -> {path} ({os.path.getsize(path)} bytes)")
    path = os.path.join(OUT_DIR, "pair-guided-ig-gradients.bin.gz")
    with gzip.open(path, "wb", compresslevel=9) as f:
        f.write(bytes(gradients_out))
    print(f"Guided IG gradients along PAIR's paths -> {path} ({os.path.getsize(path)} bytes)")


if __name__ == "__main__":
    main()
