"""Checks a run's model card against a live XaiLab: the card's preprocessing, applied here to the stored slice PNGs and
fed to torchvision's network with the run's exported weights, reproduces XaiLab's stored test probabilities.

    XAILAB_TOKEN=xl_... /usr/bin/python3 scripts/model-card-check/check_model_card.py --url http://127.0.0.1:5077 --run 1

Needs PyTorch, torchvision, Pillow and numpy (Debian: python3-torch python3-torchvision python3-pil); not run in CI.
It also checks that the .safetensors header's __metadata__ repeats the card (read with the standard library: no
safetensors package needed) and that its tensors are the .pt's, and that the Markdown card has every section.
Exits non-zero when anything disagrees by more than --tolerance (default 1e-4)."""
import argparse, io, json, os, struct, sys, urllib.request
import numpy as np
import torch
import torch.nn.functional as F
import torchvision
from PIL import Image
from torch import nn
from torchvision import models

SECTIONS = ["Model details", "Intended use", "Factors", "Metrics", "Evaluation data", "Training data",
            "Quantitative analyses", "Ethical considerations", "Caveats and recommendations"]


def get(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return response.read()


def png_bit_depth(png):
    """The depth XaiLab scales a stored PNG by: its sBIT chunk when present (9-15 bits), else IHDR's 8 or 16."""
    position, depth = 8, None
    while position < len(png):
        length, kind = struct.unpack(">I4s", png[position:position + 8])
        body = png[position + 8:position + 8 + length]
        if kind == b"IHDR":
            depth = body[8]
        elif kind == b"sBIT":
            return body[0]
        elif kind == b"IDAT":
            return depth
        position += 12 + length
    return depth


def preprocess(png, card):
    """The card's preprocessing of one stored slice, as a [channels, size, size] float32 tensor."""
    p, size = card["preprocessing"], card["inputSize"]
    assert (p["scale"], p["resize"], p["alignCorners"], p["antialias"], p["channelReplication"]) == ("bit-depth", "bilinear", False, False, True), p
    depth = png_bit_depth(png)
    assert depth in p["bitDepths"], (depth, p["bitDepths"])
    v = torch.from_numpy(np.array(Image.open(io.BytesIO(png))).astype(np.float64))
    x = (v * (1.0 / (2 ** depth - 1))).float()                     # v / (2^bitDepth - 1), rounded to float32
    x = F.interpolate(x.double()[None, None], size=(size, size), mode="bilinear", align_corners=False).float()
    x = ((x.double() - p["mean"]) / p["std"]).float()               # z-score with the training split's statistics
    return x[0].repeat(card["channels"], 1, 1)                      # the plane in every channel


def torchvision_model(card):
    arch, classes, channels = card["architecture"], len(card["classes"]), card["channels"]
    if card["head"] != "gap":
        sys.exit(f"torchvision's {arch} has a pooled head; this run's head is {card['head']}")
    def first_conv(conv):
        return nn.Conv2d(channels, conv.out_channels, conv.kernel_size, conv.stride, conv.padding, bias=conv.bias is not None)
    if arch == "densenet121":
        m = models.densenet121(num_classes=classes); m.features.conv0 = first_conv(m.features.conv0)
    elif arch == "resnet50":
        m = models.resnet50(num_classes=classes); m.conv1 = first_conv(m.conv1)
    elif arch == "efficientnetb0":
        m = models.efficientnet_b0(num_classes=classes); m.features[0][0] = first_conv(m.features[0][0])
        for module in m.modules():                                   # XaiLab follows Keras here (see the card's caveats)
            if isinstance(module, nn.BatchNorm2d):
                module.eps = 1e-3
    else:
        sys.exit(f"this check builds densenet121, resnet50 and efficientnetb0; the run is {arch}")
    return m


def safetensors_parts(blob):
    length = struct.unpack("<Q", blob[:8])[0]
    header = json.loads(blob[8:8 + length])
    return header.pop("__metadata__", {}), header, blob[8 + length:]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:5077")
    parser.add_argument("--token", default=os.environ.get("XAILAB_TOKEN"))
    parser.add_argument("--run", type=int, required=True)
    parser.add_argument("--slices", type=int, default=0, help="test predictions to reproduce (default 0: all)")
    parser.add_argument("--tolerance", type=float, default=1e-4)
    args = parser.parse_args()
    base, token, run = args.url.rstrip("/"), args.token, args.run
    torch.set_grad_enabled(False)

    card = json.loads(get(base, token, f"/api/runs/{run}/model-card"))
    markdown = get(base, token, f"/api/runs/{run}/model-card.md").decode("utf-8")
    missing = [s for s in SECTIONS if f"## {s}\n" not in markdown]
    assert not missing, f"model-card.md lacks {missing}"

    state = torch.load(io.BytesIO(get(base, token, f"/api/runs/{run}/weights.pt?naming=torchvision")), map_location="cpu")
    metadata, index, data = safetensors_parts(get(base, token, f"/api/runs/{run}/weights.safetensors?naming=torchvision"))
    assert json.loads(metadata["xailab.preprocessing"]) == card["preprocessing"], metadata
    assert json.loads(metadata["xailab.classes"]) == card["classes"], metadata
    assert (metadata["xailab.architecture"], int(metadata["xailab.inputSize"]), int(metadata["xailab.channels"])) == \
        (card["architecture"], card["inputSize"], card["channels"]), metadata
    dtypes = {"F32": np.float32, "I64": np.int64}
    for name, entry in index.items():
        start, end = entry["data_offsets"]
        values = np.frombuffer(data[start:end], dtype=dtypes[entry["dtype"]]).reshape(entry["shape"])
        assert np.array_equal(values, state[name].numpy()), f"{name}: .safetensors and .pt differ"
    assert set(index) == set(state), "the .safetensors and .pt hold different entries"

    model = torchvision_model(card)
    model.load_state_dict(state, strict=True)
    model.eval()

    predictions = json.loads(get(base, token, f"/api/runs/{run}/predictions"))
    if args.slices:
        predictions = predictions[:args.slices]
    inputs = torch.stack([preprocess(get(base, token, f"/api/slices/{p['sliceId']}/image.png"), card) for p in predictions])
    ours = torch.softmax(model(inputs), dim=1)
    theirs = torch.tensor([p["probabilities"] for p in predictions])
    difference = (ours - theirs).abs().max().item()
    agree = sum(card["classes"][i] == p["predicted"] for i, p in zip(ours.argmax(1).tolist(), predictions))
    print(f"run {run} ({card['architecture']}, {card['inputSize']} px, {len(predictions)} test slices, torch {torch.__version__}, "
          f"torchvision {torchvision.__version__}): max |PyTorch - XaiLab| probability = "
          f"{difference:.3e}; predicted class agrees on {agree}/{len(predictions)}")
    if difference > args.tolerance or agree != len(predictions):
        sys.exit(f"disagreement above {args.tolerance}")


if __name__ == "__main__":
    main()
