"""Loads the files written by `dotnet run --project scripts/torchvision-interop -- DIR` into torchvision models with
strict=True and compares their outputs with XaiLab's: python3 scripts/torchvision-interop/check.py DIR"""
import sys
import torch, torchvision
from torch import nn
from safetensors.torch import load_file
from torchvision import models
torch.set_grad_enabled(False)
folder = sys.argv[1]
def one_channel(conv):
    return nn.Conv2d(1, conv.out_channels, conv.kernel_size, conv.stride, conv.padding, bias=conv.bias is not None)
def densenet():
    m = models.densenet121(weights=None, num_classes=3); m.features.conv0 = one_channel(m.features.conv0); return m
def effnet():
    m = models.efficientnet_b0(weights=None, num_classes=3); m.features[0][0] = one_channel(m.features[0][0]); return m
for name, build in [("densenet121", densenet), ("efficientnetb0", effnet)]:
    m = build()
    result = m.load_state_dict(load_file(f"{folder}/{name}.safetensors"), strict=True)
    m.eval()
    io = load_file(f"{folder}/{name}-io.safetensors")
    out = m(io["input"])
    diff = (out - io["output"]).abs().max().item()
    print(f"{name}: strict load ok ({result}); max |torchvision - XaiLab| = {diff:.3e}; scale {io['output'].abs().max().item():.3e}")
    if name == "efficientnetb0":
        for mod in m.modules():
            if isinstance(mod, nn.BatchNorm2d): mod.eps = 1e-3
        out = m(io["input"])
        print(f"{name} with batch-norm eps 1e-3 as Keras: max diff = {(out - io['output']).abs().max().item():.3e}")
