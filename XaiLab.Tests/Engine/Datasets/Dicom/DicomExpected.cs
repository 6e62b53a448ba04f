namespace XaiLab.Tests.Engine.Datasets.Dicom;

/// <summary>The whole of <c>Fixtures/expected.json</c>.</summary>
/// <param name="Pydicom">The pydicom version that wrote and read the fixtures.</param>
/// <param name="PseudonymKey">The key the tree's pseudonyms were computed with (Python's hmac).</param>
/// <param name="Identifying">The identifying attributes every fixture carries and no output may contain.</param>
/// <param name="Files">Fixtures/files/*, one per encoding.</param>
/// <param name="Tree">Fixtures/tree/*, paths relative to the tree.</param>
internal sealed record DicomExpected(
    string Pydicom,
    string PseudonymKey,
    Dictionary<string, string> Identifying,
    IReadOnlyList<DicomExpectedFile> Files,
    IReadOnlyList<DicomExpectedFile> Tree);
