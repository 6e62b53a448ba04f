namespace XaiLab.Tests.Web.Apis.Accounts;

/// <summary>Ids of one team's seeded objects; <see cref="Marker"/> is written into their names and notes, so any response
/// that leaks them to another team is caught by a plain text search.</summary>
public sealed record TeamObjects(int TeamId, string Marker, int DatasetId, int ImportingDatasetId, int RunId, int SliceId,
    int AttributionMapId, int EmbeddingId, int AttributionRequestId, string Method, int EvaluationId, string ScanToken);
