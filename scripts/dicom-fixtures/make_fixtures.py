#!/usr/bin/python3
"""DICOM fixtures for XaiLab's DICOM reader tests, written by pydicom, with pydicom's own reading of them.

Needs Debian's python3-pydicom (2.3) and python3-numpy:
    apt-get install -y python3-pydicom
    /usr/bin/python3 scripts/dicom-fixtures/make_fixtures.py
Rewrites XaiLab.Tests/Engine/Datasets/Dicom/Fixtures/ (the same bytes on every run: UIDs come from
generate_uid with fixed entropy, no dates or times are written):

files/      one Part 10 file per encoding the reader supports: implicit VR LE, explicit VR LE, explicit VR BE; 8, 12 and
            16 stored bits, signed and unsigned; MONOCHROME1 and MONOCHROME2; rescale slope/intercept; single- and
            multi-valued window tags; undefined-length sequences (nested, with decoy Rows/Columns/PatientID inside
            the items, and a private UN element of undefined length) before PixelData; plus a JPEG Baseline file
            (a fake fragment the reader must refuse by its UID) and a two-frame file.
tree/       a dataset: two classes (ct, mr), two series; file names without extension; a series without
            InstanceNumber (ordered by ImagePositionPatient along the normal of a tilted ImageOrientationPatient) and
            without PatientID; the JPEG Baseline and two-frame files left out; a README at the root.
expected.json
            per file: pydicom's reading — shape, attributes, and the physical values (pixel_array through
            apply_modality_lut, row-major). pydicom 2.3 neither masks bits above BitsStored nor sign-extends from
            HighBit, so for the one file with garbage in those bits the script masks and sign-extends pydicom's raw
            pixel_array with numpy before the rescale (PS3.5 8.1.1). For the tree: each file's expected place in its
            series, computed here independently of the C# code, and the HMAC-SHA256 pseudonyms (first 16 hex
            characters) of patient ids and series UIDs under PSEUDONYM_KEY.

Every file carries a PatientName, PatientBirthDate, PatientSex and InstitutionName, so the tests can check that none
of them reaches the reader's output.
"""
import hashlib
import hmac
import json
import os
import shutil

import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.pixel_data_handlers.util import apply_modality_lut
from pydicom.sequence import Sequence
from pydicom.uid import generate_uid

IMPLICIT_LE = "1.2.840.10008.1.2"
EXPLICIT_LE = "1.2.840.10008.1.2.1"
EXPLICIT_BE = "1.2.840.10008.1.2.2"
JPEG_BASELINE = "1.2.840.10008.1.2.4.50"
CT_STORAGE = "1.2.840.10008.5.1.4.1.1.2"
MR_STORAGE = "1.2.840.10008.5.1.4.1.1.4"
CR_STORAGE = "1.2.840.10008.5.1.4.1.1.1"
MULTIFRAME_BYTE_SC = "1.2.840.10008.5.1.4.1.1.7.2"

ROWS, COLUMNS = 6, 8
PSEUDONYM_KEY = "xailab-test-key"
IDENTIFYING = {"PatientName": "Doe^Jane", "PatientBirthDate": "19700101", "PatientSex": "F",
               "InstitutionName": "St Example Hospital"}

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "XaiLab.Tests", "Engine", "Datasets", "Dicom", "Fixtures")


def uid(*parts):
    return generate_uid(entropy_srcs=["xailab-dicom-fixtures", *parts])


def pixel_bytes(stored, bits_allocated, signed, little_endian):
    kind = ("i" if signed else "u") + str(bits_allocated // 8)
    order = "<" if little_endian else ">"
    return np.asarray(stored).astype(order + kind).tobytes()


def decoy_sequence():
    """An undefined-length sequence of two undefined-length items; the second nests another one. The items hold
    Rows, Columns and PatientID with other values than the file's, which a reader that does not skip
    sequences would take."""
    inner = Dataset()
    inner.Rows = 999
    inner.PatientID = "DECOY-INNER"
    inner.is_undefined_length_sequence_item = True
    first = Dataset()
    first.Rows = 777
    first.Columns = 555
    first.ReferencedSOPInstanceUID = uid("decoy", "1")
    first.is_undefined_length_sequence_item = True
    second = Dataset()
    second.PatientID = "DECOY"
    second.ReferencedSOPInstanceUID = uid("decoy", "2")
    second.DerivationCodeSequence = Sequence([inner])
    second["DerivationCodeSequence"].is_undefined_length = True
    second.is_undefined_length_sequence_item = True
    return Sequence([first, second])


def private_un_sequence():
    """The value of a private element written with VR UN and undefined length: PS3.5 6.2.2 says such a value is a
    sequence in implicit VR little endian. One undefined-length item holding a decoy Rows (US 999) and an
    undefined-length nested sequence with one empty defined-length item. pydicom appends the sequence delimiter."""
    def tag(group, element):
        return group.to_bytes(2, "little") + element.to_bytes(2, "little")

    undefined = (0xFFFFFFFF).to_bytes(4, "little")
    rows = tag(0x0028, 0x0010) + (2).to_bytes(4, "little") + (999).to_bytes(2, "little")
    nested = (tag(0x0008, 0x1140) + undefined
              + tag(0xFFFE, 0xE000) + (0).to_bytes(4, "little")
              + tag(0xFFFE, 0xE0DD) + (0).to_bytes(4, "little"))
    return tag(0xFFFE, 0xE000) + undefined + rows + nested + tag(0xFFFE, 0xE00D) + (0).to_bytes(4, "little")


def write(path, syntax, *, sop_class=CT_STORAGE, stored=None, bits_allocated=16, bits_stored=None, signed=False,
          photometric="MONOCHROME2", patient_id=None, series=None, instance=None, position=None, orientation=None,
          slope=None, intercept=None, center=None, width=None, sequence=False, private_un=False, frames=None,
          pixel_data=None, rows=ROWS, columns=COLUMNS):
    little_endian = syntax != EXPLICIT_BE
    implicit = syntax == IMPLICIT_LE
    instance_uid = uid("instance", path)
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = instance_uid
    meta.TransferSyntaxUID = syntax
    meta.ImplementationClassUID = uid("implementation")
    ds = FileDataset(path, {}, file_meta=meta, preamble=b"\0" * 128)
    ds.is_little_endian = little_endian
    ds.is_implicit_VR = implicit
    ds.SOPClassUID = sop_class
    ds.SOPInstanceUID = instance_uid
    ds.Modality = {CT_STORAGE: "CT", MR_STORAGE: "MR", CR_STORAGE: "CR"}.get(sop_class, "OT")
    for keyword, value in IDENTIFYING.items():
        setattr(ds, keyword, value)
    if patient_id is not None:
        ds.PatientID = patient_id
    ds.StudyInstanceUID = uid("study", patient_id or path)
    ds.SeriesInstanceUID = series or uid("series", path)
    if instance is not None:
        ds.InstanceNumber = instance
    if position is not None:
        ds.ImagePositionPatient = list(position)
    if orientation is not None:
        ds.ImageOrientationPatient = list(orientation)
    if sequence:
        ds.ReferencedImageSequence = decoy_sequence()
        ds["ReferencedImageSequence"].is_undefined_length = True
    if private_un:
        ds.add_new(0x00090010, "LO", "XAILAB TEST")
        ds.add_new(0x00091010, "UN", private_un_sequence())
        ds[0x00091010].is_undefined_length = True
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = photometric
    if frames is not None:
        ds.NumberOfFrames = frames
    ds.Rows = rows
    ds.Columns = columns
    ds.BitsAllocated = bits_allocated
    ds.BitsStored = bits_stored or bits_allocated
    ds.HighBit = ds.BitsStored - 1
    ds.PixelRepresentation = 1 if signed else 0
    if center is not None:
        ds.WindowCenter = center
        ds.WindowWidth = width
    if slope is not None:
        ds.RescaleIntercept = intercept
        ds.RescaleSlope = slope
        ds.RescaleType = "HU" if sop_class == CT_STORAGE else "US"
    if pixel_data is None:
        pixel_data = pixel_bytes(stored, bits_allocated, signed, little_endian)
        ds.add_new(0x7FE00010, "OB" if bits_allocated == 8 else "OW", pixel_data)
    else:
        ds.add_new(0x7FE00010, "OB", pixel_data)
        ds["PixelData"].is_undefined_length = True
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)
    return path


def first(value):
    if value is None:
        return None
    if isinstance(value, pydicom.multival.MultiValue):
        return float(value[0])
    return float(value)


def read_back(path, rel, mask_bits=False):
    """pydicom's reading of a file written above."""
    ds = pydicom.dcmread(path)
    entry = {
        "file": rel,
        "transferSyntax": str(ds.file_meta.TransferSyntaxUID),
        "patientId": ds.get("PatientID"),
        "seriesUid": str(ds.SeriesInstanceUID),
        "instanceNumber": int(ds.InstanceNumber) if "InstanceNumber" in ds else None,
        "photometric": ds.PhotometricInterpretation,
        "rows": int(ds.Rows),
        "columns": int(ds.Columns),
        "bitsAllocated": int(ds.BitsAllocated),
        "bitsStored": int(ds.BitsStored),
        "signed": int(ds.PixelRepresentation) == 1,
        "windowCenter": first(ds.get("WindowCenter")),
        "windowWidth": first(ds.get("WindowWidth")),
    }
    if entry["transferSyntax"] == JPEG_BASELINE or int(ds.get("NumberOfFrames", 1)) > 1:
        entry["physical"] = None
        return entry
    raw = ds.pixel_array
    assert raw.shape == (ds.Rows, ds.Columns), raw.shape
    if mask_bits:
        bits = int(ds.BitsStored)
        value = raw.astype(np.int64) & ((1 << bits) - 1)
        if int(ds.PixelRepresentation) == 1:
            value = np.where(value & (1 << (bits - 1)), value - (1 << bits), value)
        raw = value
    physical = apply_modality_lut(raw, ds)
    entry["physical"] = [float(v) for v in np.asarray(physical, dtype=np.float64).ravel()]
    return entry


def ramp(rng, low, high):
    """Random values in [low, high] with both ends present, so the extremes of the type are tested."""
    values = rng.integers(low, high + 1, size=(ROWS, COLUMNS), dtype=np.int64)
    values[0, 0] = low
    values[-1, -1] = high
    return values


def write_files(rng, root):
    """One file per encoding; returns (path, rel, mask_bits)."""
    made = []

    def add(name, mask_bits=False, **kwargs):
        path = os.path.join(root, "files", name)
        write(path, **kwargs)
        made.append((path, "files/" + name, mask_bits))

    add("implicit-le-ct-int16.dcm", syntax=IMPLICIT_LE, stored=ramp(rng, -32768, 32767), signed=True,
        patient_id="PID-IMPLICIT", slope=1, intercept=-1024, center=[40, -600], width=[400, 1500], sequence=True)
    add("explicit-le-mr-uint16.dcm", syntax=EXPLICIT_LE, sop_class=MR_STORAGE, stored=ramp(rng, 0, 65535),
        patient_id="PID-EXPLICIT", center=600, width=1200)
    add("explicit-be-ct-int16.dcm", syntax=EXPLICIT_BE, stored=ramp(rng, -2000, 3000), signed=True,
        patient_id="PID-BIG", slope=0.5, intercept=-1000, center=[50, 500], width=[350, 2000], sequence=True)
    add("explicit-le-cr-mono1-uint8.dcm", syntax=EXPLICIT_LE, sop_class=CR_STORAGE, stored=ramp(rng, 0, 255),
        bits_allocated=8, photometric="MONOCHROME1", patient_id="PID-MONO1")
    add("explicit-le-int8.dcm", syntax=EXPLICIT_LE, sop_class=MR_STORAGE, stored=ramp(rng, -128, 127),
        bits_allocated=8, signed=True, patient_id="PID-INT8", slope=2, intercept=10)
    add("explicit-le-uint12.dcm", syntax=EXPLICIT_LE, stored=ramp(rng, 0, 4095), bits_stored=12,
        patient_id="PID-UINT12", slope=1, intercept=-1024, center=40, width=400, sequence=True, private_un=True)
    # 12 bits stored, signed, with garbage (an overlay, say) in bits 12-15, which must be masked off.
    signed12 = ramp(rng, -2048, 2047)
    garbage = rng.integers(0, 16, size=(ROWS, COLUMNS), dtype=np.int64) << 12
    words = ((signed12 & 0xFFF) | garbage).astype(np.uint16).view(np.int16)
    add("implicit-le-int12-high-bits.dcm", mask_bits=True, syntax=IMPLICIT_LE, stored=words, bits_stored=12,
        signed=True, patient_id="PID-INT12", slope=1, intercept=0, center=0, width=4096)
    add("jpeg-baseline.dcm", syntax=JPEG_BASELINE, bits_allocated=8, patient_id="PID-JPEG",
        pixel_data=encapsulate([b"\xff\xd8\xff\xe0 not a real JPEG \xff\xd9"]))
    frames = np.stack([ramp(rng, 0, 255), ramp(rng, 0, 255)])
    add("multiframe-uint8.dcm", syntax=EXPLICIT_LE, sop_class=MULTIFRAME_BYTE_SC, stored=frames, bits_allocated=8,
        patient_id="PID-FRAMES", frames=2)
    return made


def write_tree(rng, root):
    """The reader-level dataset; returns (path, rel) per DICOM file."""
    tree = os.path.join(root, "tree")
    made = []
    os.makedirs(tree, exist_ok=True)
    with open(os.path.join(tree, "README.txt"), "w") as readme:
        readme.write("Test dataset for XaiLab's DICOM reader; made by scripts/dicom-fixtures/make_fixtures.py.\n")

    ct_series = uid("tree", "ct-series-1")
    # File names in one order, InstanceNumbers in another; each slice its own value range, so that the series'
    # range is wider than any slice's.
    for name, instance, (low, high) in [("IM0001", 2, (0, 1000)), ("IM0002", 3, (-1024, 500)), ("IM0003", 1, (200, 3071))]:
        rel = f"ct/PAT-CT-1/series-1/{name}"
        path = write(os.path.join(tree, rel), EXPLICIT_LE, stored=ramp(rng, low, high), signed=True,
                     patient_id="PAT-CT-1", series=ct_series, instance=instance, slope=1, intercept=-1024,
                     center=[40, -600], width=[400, 1500], position=(0, 0, 5 * instance),
                     orientation=(1, 0, 0, 0, 1, 0))
        made.append((path, rel))
    rel = "ct/PAT-CT-2/series-9/IM0001.dcm"
    made.append((write(os.path.join(tree, rel), JPEG_BASELINE, bits_allocated=8, patient_id="PAT-CT-2",
                       pixel_data=encapsulate([b"\xff\xd8\xff\xe0 not a real JPEG \xff\xd9"])), rel))

    # No InstanceNumber, no PatientID; orientation tilted about x: row (1,0,0), column (0,0.8,-0.6), so the normal
    # is (0,0.6,0.8). Each position is distance * normal + offset * column: sorted by z alone the order would be
    # a, b, c; along the normal it is b, c, a.
    mr_series = uid("tree", "mr-series-2")
    normal = np.array([0.0, 0.6, 0.8])
    column = np.array([0.0, 0.8, -0.6])
    for name, distance, offset in [("a.dcm", 10.0, 30.0), ("b.dcm", -5.0, 0.0), ("c.dcm", 2.5, -10.0)]:
        rel = f"mr/scan-b/series-2/{name}"
        position = distance * normal + offset * column
        path = write(os.path.join(tree, rel), IMPLICIT_LE, sop_class=MR_STORAGE, stored=ramp(rng, 0, 4095),
                     bits_stored=12, photometric="MONOCHROME1", series=mr_series, slope=1, intercept=0,
                     center=2048, width=4096, position=[round(float(v), 6) for v in position],
                     orientation=(1, 0, 0, 0, 0.8, -0.6))
        made.append((path, rel))
    rel = "mr/scan-b/multi/frames"
    frames = np.stack([ramp(rng, 0, 255), ramp(rng, 0, 255)])
    made.append((write(os.path.join(tree, rel), EXPLICIT_LE, sop_class=MULTIFRAME_BYTE_SC, stored=frames,
                       bits_allocated=8, patient_id="PAT-MR-9", frames=2), rel))
    return made


def expected_positions(entries):
    """Place of each readable file in its series: by InstanceNumber when every file has one, else by
    ImagePositionPatient projected on the normal (row x column cosines) of ImageOrientationPatient."""
    by_series = {}
    for entry in entries:
        if entry["physical"] is not None:
            by_series.setdefault(entry["seriesUid"], []).append(entry)
    for members in by_series.values():
        if all(m["instanceNumber"] is not None for m in members):
            members.sort(key=lambda m: m["instanceNumber"])
        else:
            def along_normal(m):
                ds = pydicom.dcmread(m["path"])
                cosines = np.array([float(v) for v in ds.ImageOrientationPatient])
                return float(np.dot(np.array([float(v) for v in ds.ImagePositionPatient]),
                                    np.cross(cosines[:3], cosines[3:])))
            members.sort(key=along_normal)
        for place, m in enumerate(members):
            m["position"] = place
            m["count"] = len(members)


def pseudonym(value):
    return hmac.new(PSEUDONYM_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:16]


def main():
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT)
    rng = np.random.default_rng(21)
    files = [read_back(path, rel, mask_bits) for path, rel, mask_bits in write_files(rng, OUT)]
    tree = []
    for path, rel in write_tree(rng, OUT):
        entry = read_back(path, rel)
        entry["path"] = path
        tree.append(entry)
    expected_positions(tree)
    for entry in tree:
        del entry["path"]
        entry["patientPseudonym"] = pseudonym(entry["patientId"] or os.path.dirname(entry["file"]))
        entry["seriesPseudonym"] = pseudonym(entry["seriesUid"])

    with open(os.path.join(OUT, "files", "implicit-le-ct-int16.dcm"), "rb") as f:
        assert b"\xfe\xff\xdd\xe0\x00\x00\x00\x00" in f.read(), "the implicit file lacks an undefined-length sequence"
    with open(os.path.join(OUT, "files", "explicit-be-ct-int16.dcm"), "rb") as f:
        assert b"\xff\xfe\xe0\xdd\x00\x00\x00\x00" in f.read(), "the big-endian file lacks an undefined-length sequence"

    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump({"pydicom": pydicom.__version__, "pseudonymKey": PSEUDONYM_KEY, "identifying": IDENTIFYING,
                   "files": files, "tree": tree}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
