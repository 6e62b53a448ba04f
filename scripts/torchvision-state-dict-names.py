"""Writes the state-dict names and shapes of torchvision's models in their ImageNet configuration (3 channels,
1000 classes) as JSON: the ground truth of XaiLab's torchvision naming (XaiLab.Tests/Engine/Models/Weights/
PyTorchFiles/torchvision-state-dicts.json). Needs torch and torchvision; run where they are installed:

    python3 scripts/torchvision-state-dict-names.py > torchvision-state-dicts.json
"""
import json
import sys

import torch
import torchvision
from torchvision import models

builders = {
    "resnet50": lambda: models.resnet50(weights=None),
    "vgg16": lambda: models.vgg16(weights=None),
    "vgg19": lambda: models.vgg19(weights=None),
    "densenet121": lambda: models.densenet121(weights=None),
    # XaiLab builds no auxiliary classifier; torchvision's own pretrained file has one (listed separately below).
    "inceptionv3": lambda: models.inception_v3(weights=None, aux_logits=False, init_weights=False),
    "efficientnetb0": lambda: models.efficientnet_b0(weights=None),
}

result = {"torch": torch.__version__, "torchvision": torchvision.__version__, "models": {}}
for name, build in builders.items():
    state = build().state_dict()
    result["models"][name] = [[key, list(tensor.shape)] for key, tensor in state.items()]
aux = models.inception_v3(weights=None, aux_logits=True, init_weights=False).state_dict()
result["inceptionv3AuxLogits"] = [key for key in aux if key.startswith("AuxLogits.")]
json.dump(result, sys.stdout, indent=None, separators=(",", ":"))
