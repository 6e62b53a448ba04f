namespace XaiLab.Tests.Engine.Datasets.Dicom;

/// <summary>
/// pydicom's reading of one fixture, from <c>Fixtures/expected.json</c> (written by
/// <c>scripts/dicom-fixtures/make_fixtures.py</c>). <see cref="Physical"/> is null for files the reader must leave
/// out; <see cref="Position"/>, <see cref="Count"/> and the pseudonyms are given for the tree's files only.
/// </summary>
internal sealed record DicomExpectedFile(
    string File,
    string TransferSyntax,
    string? PatientId,
    string SeriesUid,
    int? InstanceNumber,
    string Photometric,
    int Rows,
    int Columns,
    int BitsAllocated,
    int BitsStored,
    bool Signed,
    double? WindowCenter,
    double? WindowWidth,
    double[]? Physical,
    int? Position,
    int? Count,
    string? PatientPseudonym,
    string? SeriesPseudonym);
