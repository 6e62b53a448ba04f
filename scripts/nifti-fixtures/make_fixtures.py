#!/usr/bin/python3
"""Reference NIfTI volumes written by nibabel, and what nibabel reads back from them, for XaiLab's NIfTI import tests.

Needs Debian's python3-nibabel (5.0, with numpy 1.24):
    apt-get install -y python3-nibabel
    /usr/bin/python3 scripts/nifti-fixtures/make_fixtures.py
Writes, under XaiLab.Tests/Engine/Datasets/Nifti/Fixtures/, a few KB each:
  - one 12x10x6 volume per supported datatype (int8, uint8, int16, uint16, int32, float32, float64), NIfTI-1 and
    NIfTI-2, little- and big-endian, with the orientations the reader flips by: sform only, qform only (with a
    quaternion rotation and qfac -1), sform winning over a conflicting qform, an oblique sform, and none at all;
  - int16 volumes whose scl_slope/scl_inter nibabel chose (float data saved as int16), were set explicitly, or whose
    slope is 0 (no scaling, so scl_inter must be ignored);
  - a .nii.gz with a header extension (vox_offset 384), a 12x10x6x3 4-D volume, a uint8 mask with labels 1 and 2
    for n1-le-int16.nii;
  - two volumes of refused datatypes (uint32, int64);
and expected.json: for each volume, what nibabel says: version, byte order, datatype, shape, vox_offset, slope and
intercept as nibabel applies them (1 and 0 when it applies none), for each voxel axis whether it points toward R, A or S (nibabel's aff2axcodes of
its best affine; null when both qform_code and sform_code are 0), and per 3-D volume (one per 4-D index) the minimum
and maximum of get_fdata(), a few voxels' physical values, and per voxel axis the slice indices holding any non-zero
value; for the mask, its non-zero voxels and per axis the slice indices it touches. The C# tests compare the reader
with these numbers, never with themselves. Rerunning the script rewrites the same files (nibabel's gzip has mtime 0).
"""
import json
import os
import struct

import nibabel as nib
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DIR = os.path.join(ROOT, "XaiLab.Tests", "Engine", "Datasets", "Nifti", "Fixtures")
SHAPE = (12, 10, 6)


def blob(values):
    """Zero everywhere except the box i 2..9, j 1..8, k 1..4, so every axis has empty slices at both ends."""
    data = np.zeros(SHAPE, dtype=np.float64)
    i, j, k = np.meshgrid(np.arange(2, 10), np.arange(1, 9), np.arange(1, 5), indexing="ij")
    data[2:10, 1:9, 1:5] = values(i, j, k)
    return data


PATTERNS = {
    "uint8": lambda i, j, k: 10 + (i * 7 + j * 13 + k * 29) % 240,
    "int8": lambda i, j, k: -100 + (i * 7 + j * 13 + k * 29) % 200,
    "int16": lambda i, j, k: -1000 + i * 300 + j * 40 + k * 7,
    "uint16": lambda i, j, k: 1000 + i * 5000 + j * 100 + k,
    "int32": lambda i, j, k: -200000 + i * 50000 + j * 1000 + k,
    "float32": lambda i, j, k: (i - 5.5) * 0.37 + j * 1.25 - k * 0.5 + 0.001,
    "float64": lambda i, j, k: 12345.678901 + 1e-3 * i * j * k - 0.25 * i,
}

RAS_SCALED = np.diag([0.9, 1.1, 2.5, 1.0])
LPS_STORAGE = np.diag([-1.0, -1.0, 1.0, 1.0])  # how ITK writes an axial DICOM series: i toward L, j toward P
DCM2NIIX_STORAGE = np.diag([-0.8, 0.8, 3.0, 1.0])  # rows flipped on conversion: i toward L, j toward A
ROTATED_Z_FLIPPED = np.array([[0, -1, 0, 5], [1, 0, 0, -3], [0, 0, -1, 7], [0, 0, 0, 1.0]])  # det -1: qfac -1
SAGITTAL_STORAGE = np.array([[0, 0, -1.2, 0], [-1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 0, 1.0]])  # i→P, j→S, k→L
ANGLE = np.deg2rad(20)
OBLIQUE = np.array([[1, 0, 0, 0], [0, np.cos(ANGLE), -np.sin(ANGLE), 0], [0, np.sin(ANGLE), np.cos(ANGLE), 0],
                    [0, 0, 0, 1.0]])


def image(version, endianness, data, dtype, qform=None, sform=None):
    """A nibabel image with exactly the given orientation codes: qform/sform are (affine, code) or None for code 0."""
    klass, header_class = (nib.Nifti1Image, nib.Nifti1Header) if version == 1 else (nib.Nifti2Image, nib.Nifti2Header)
    img = klass(data, None, header=header_class(endianness=endianness))
    img.set_data_dtype(dtype)
    if qform is not None:
        img.set_qform(qform[0], code=qform[1])
    if sform is not None:
        img.set_sform(sform[0], code=sform[1])
    return img


def write_volumes():
    volumes = []

    def save(name, img, patch=None):
        path = os.path.join(OUT_DIR, name)
        nib.save(img, path)
        if patch is not None:
            patch(path)
        volumes.append(name)

    for dtype, version, endianness, orientation in [
        ("uint8", 1, "<", {"sform": (RAS_SCALED, 1)}),
        ("int8", 1, "<", {"sform": (DCM2NIIX_STORAGE, 1), "qform": (DCM2NIIX_STORAGE, 1)}),
        ("int16", 1, "<", {"qform": (LPS_STORAGE, 1)}),
        ("int16", 1, ">", {"sform": (DCM2NIIX_STORAGE, 1), "qform": (DCM2NIIX_STORAGE, 1)}),
        ("uint16", 1, "<", {}),
        ("int32", 1, "<", {"qform": (ROTATED_Z_FLIPPED, 1)}),
        ("float32", 1, "<", {"sform": (SAGITTAL_STORAGE, 2), "qform": (np.eye(4), 1)}),
        ("float32", 1, ">", {"sform": (OBLIQUE, 1)}),
        ("float64", 1, "<", {"sform": (LPS_STORAGE, 1)}),
        ("int16", 2, "<", {"qform": (ROTATED_Z_FLIPPED, 1), "sform": (ROTATED_Z_FLIPPED, 1)}),
        ("float64", 2, ">", {"sform": (OBLIQUE, 1)}),
        ("uint8", 2, ">", {"qform": (LPS_STORAGE, 1)}),
    ]:
        data = blob(PATTERNS[dtype]).astype(dtype)
        order = "le" if endianness == "<" else "be"
        save(f"n{version}-{order}-{dtype}.nii", image(version, endianness, data, dtype, **orientation))

    float_data = blob(lambda i, j, k: (i * 1.7 - j * 2.3 + k * 0.45) * 97.13 + 3000.5)
    save("n1-le-int16-nibabel-scaled.nii", image(1, "<", float_data, np.int16, sform=(RAS_SCALED, 1)))

    raw = blob(PATTERNS["int16"]).astype(np.int16)
    explicit = image(1, "<", raw, np.int16, sform=(LPS_STORAGE, 1))
    explicit.header.set_slope_inter(2.5, -100.0)
    save("n1-le-int16-scaled.nii", explicit)

    def zero_slope(path):
        with open(path, "r+b") as f:
            f.seek(112)
            f.write(struct.pack("<ff", 0.0, 50.0))

    save("n1-le-int16-slope0.nii", image(1, "<", raw, np.int16, sform=(LPS_STORAGE, 1)), zero_slope)

    gz = image(1, "<", raw, np.int16, qform=(DCM2NIIX_STORAGE, 1))
    gz.header.extensions.append(nib.nifti1.Nifti1Extension("comment", b"written by make_fixtures.py"))
    save("n1-le-int16-extension.nii.gz", gz)

    series = np.stack([blob(lambda i, j, k, v=v: -500 + v * 1000 + i * 30 - j * 20 + k * 5 * (v + 1))
                       for v in range(3)], axis=3)
    series[:, :, 5, 2] = 0
    series[3, 4, 0, 2] = 77  # volume 2 differs in which slices are non-zero
    save("n1-le-int16-4d.nii", image(1, "<", series.astype(np.int16), np.int16, sform=(LPS_STORAGE, 1)))

    mask = np.zeros(SHAPE, dtype=np.uint8)
    mask[4:7, 3:6, 2:4] = 1
    mask[5, 4, 3] = 2
    save("n1-le-int16-mask.nii.gz", image(1, "<", mask, np.uint8, qform=(LPS_STORAGE, 1)))

    refused = []
    for dtype in ("uint32", "int64"):
        name = f"n1-le-{dtype}.nii"
        nib.save(image(1, "<", np.ones((2, 2, 2)), dtype, sform=(np.eye(4), 1)), os.path.join(OUT_DIR, name))
        refused.append({"file": name, "datatype": dtype, "code": int(nib.nifti1.data_type_codes.code[np.dtype(dtype)])})
    return volumes, refused


def describe(name):
    img = nib.load(os.path.join(OUT_DIR, name))
    header = img.header
    oriented = int(header["qform_code"]) > 0 or int(header["sform_code"]) > 0
    shape = list(img.shape)
    data = img.get_fdata(dtype=np.float64)
    stack = data[..., np.newaxis] if data.ndim == 3 else data
    rng = np.random.default_rng(21)
    volumes = []
    for v in range(stack.shape[3]):
        values = stack[..., v]
        picks = [np.unravel_index(np.argmin(values), SHAPE), np.unravel_index(np.argmax(values), SHAPE),
                 (0, 0, 0), (11, 9, 5), (5, 4, 3)]
        picks += [tuple(int(rng.integers(0, n)) for n in SHAPE) for _ in range(5)]
        volumes.append({
            "min": float(values.min()),
            "max": float(values.max()),
            "voxels": [[int(i), int(j), int(k), float(values[i, j, k])] for i, j, k in picks],
            "nonzero": [[int(s) for s in range(SHAPE[a]) if np.any(np.take(values, s, axis=a) != 0)] for a in range(3)],
        })
    return {
        "file": name,
        "version": 1 if isinstance(header, nib.Nifti1Header) and not isinstance(header, nib.Nifti2Header) else 2,
        "endianness": "big" if header.endianness == ">" else "little",
        "datatype": str(img.get_data_dtype().newbyteorder("=")),
        "shape": shape,
        "vox_offset": int(img.dataobj.offset),
        "slope": float(img.dataobj.slope),
        "inter": float(img.dataobj.inter),
        "toward_ras": [code in "RAS" for code in nib.aff2axcodes(img.affine)] if oriented else None,
        "volumes": volumes,
    }


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    for old in os.listdir(OUT_DIR):
        os.remove(os.path.join(OUT_DIR, old))
    names, refused = write_volumes()
    mask = nib.load(os.path.join(OUT_DIR, "n1-le-int16-mask.nii.gz")).get_fdata() != 0
    expected = {
        "generator": f"nibabel {nib.__version__}, numpy {np.__version__}",
        "volumes": [describe(name) for name in names],
        "refused": refused,
        "mask": {
            "file": "n1-le-int16-mask.nii.gz",
            "for": "n1-le-int16.nii",
            "voxels": [[int(i), int(j), int(k)] for i, j, k in np.argwhere(mask)],
            "slices": [[int(s) for s in range(SHAPE[a]) if np.any(np.take(mask, s, axis=a))] for a in range(3)],
        },
    }
    with open(os.path.join(OUT_DIR, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    for name in sorted(os.listdir(OUT_DIR)):
        print(f"{os.path.getsize(os.path.join(OUT_DIR, name)):7d}  {name}")


if __name__ == "__main__":
    main()
