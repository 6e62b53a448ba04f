using System.Text;

namespace XaiLab.Engine.Datasets.Dicom;

/// <summary>Settings for <see cref="DicomDatasetReader"/>.</summary>
public sealed record DicomOptions
{
    /// <summary>The defaults below.</summary>
    public static DicomOptions Default { get; } = new();

    /// <summary>
    /// Replace each patient id (PatientID, or the folder that stands in for a missing one) and each SeriesInstanceUID
    /// by a keyed hash of it: the first 16 hex characters of HMAC-SHA256 with <see cref="PseudonymKey"/>. The series
    /// UID is replaced too because it is the key a PACS finds the patient by (PS3.15 E.1 replaces it as well).
    /// Default false: PatientID and SeriesInstanceUID are kept as the files hold them. No other identifying attribute
    /// (patient name, birth date, …) is ever read, whatever this says.
    /// </summary>
    public bool Pseudonymise { get; init; }

    /// <summary>
    /// The secret for <see cref="Pseudonymise"/>; required (non-empty) when it is set. Keep it to give the same
    /// pseudonyms to the same patients in a later import. Default null. Never printed by <see cref="ToString"/>.
    /// </summary>
    public string? PseudonymKey { get; init; }

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append($"Pseudonymise = {Pseudonymise}, PseudonymKey = {(PseudonymKey is null ? "null" : "(set)")}");
        return true;
    }
}
