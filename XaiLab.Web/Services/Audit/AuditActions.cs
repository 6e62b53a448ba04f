namespace XaiLab.Web.Services.Audit;

/// <summary>Action names of the audit log.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignOut = "signout";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string DatasetUpload = "dataset.upload";
    public const string DatasetDemo = "dataset.demo";
    public const string DatasetCancel = "dataset.cancel";
    public const string DatasetResplit = "dataset.resplit";
    public const string Delete = "delete";
    public const string Relabel = "relabel";
    public const string RunLaunch = "run.launch";
    public const string RunCancel = "run.cancel";
    public const string RunRetry = "run.retry";
    public const string RunUpdate = "run.update";
    public const string EmbeddingRequest = "embedding.request";
    public const string EvaluationRequest = "evaluation.request";
    public const string AttributionRequest = "attribution.request";
    public const string AttributionCancel = "attribution.cancel";
    public const string SanityCheckRequest = "sanity-check.request";
    public const string Rating = "rating";
    public const string TeamCreated = "team.created";
    public const string UserCreated = "user.created";
    public const string UserUpdated = "user.updated";
    public const string PasswordReset = "user.password-reset";
    public const string UserDeleted = "user.deleted";
}
