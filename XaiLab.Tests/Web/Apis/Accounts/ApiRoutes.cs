using System.Net.Http.Json;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Accounts;

/// <summary>
/// Every API route of the application (AccessMatrixTests.RouteTable_CoversEveryMappedApiRoute fails when one is missing).
/// Write calls are shaped so that a permitted caller on its own team is stopped by validation or state (400/409) or
/// changes something harmless: the matrix never starts a training run.
/// </summary>
public static class ApiRoutes
{
    public static readonly IReadOnlyList<ApiRoute> All =
    [
        new("GET", "/api/health", RouteAccess.Open),
        new("GET", "/api/openapi.json", RouteAccess.Read),
        new("GET", "/api/auth/me", RouteAccess.SignedIn),
        new("GET", "/api/auth/tokens", RouteAccess.SignedIn),
        new("POST", "/api/auth/tokens", RouteAccess.SignedIn, _ => JsonContent.Create(new { name = "matrix" })),
        new("DELETE", "/api/auth/tokens/{token}", RouteAccess.SignedIn),

        new("GET", "/api/datasets", RouteAccess.Read),
        new("GET", "/api/datasets/{dataset}", RouteAccess.Read),
        new("POST", "/api/datasets", RouteAccess.Write, Upload) { TeamInBody = true },
        new("POST", "/api/datasets/{dataset}/cancel", RouteAccess.Write),
        new("DELETE", "/api/datasets/{dataset}", RouteAccess.Write),
        new("GET", "/api/datasets/{dataset}/slices", RouteAccess.Read),
        new("GET", "/api/datasets/{dataset}/leakage", RouteAccess.Read),
        new("POST", "/api/datasets/{dataset}/split", RouteAccess.Write, _ => JsonContent.Create(new { seed = 3 })),
        new("POST", "/api/datasets/demo", RouteAccess.Write, team => JsonContent.Create(new { slices = 5, teamId = team.TeamId })) { TeamInBody = true },

        new("GET", "/api/runs", RouteAccess.Read),
        new("GET", "/api/runs/export.csv", RouteAccess.Read),
        new("GET", "/api/runs/{run}/predictions", RouteAccess.Read),
        new("GET", "/api/runs/{run}/compare/{run}", RouteAccess.Read),
        new("PATCH", "/api/runs/{run}", RouteAccess.Write, _ => JsonContent.Create(new { tags = new[] { "matrix" } })),
        new("POST", "/api/runs/{run}/retry", RouteAccess.Write),
        new("GET", "/api/runs/{run}", RouteAccess.Read),
        new("GET", "/api/runs/{run}/epochs", RouteAccess.Read),
        new("GET", "/api/runs/{run}/saliency", RouteAccess.Read),
        new("POST", "/api/runs", RouteAccess.Write, team => JsonContent.Create(new { datasetId = team.ImportingDatasetId, epochs = 1, imageSize = 16 })),
        new("POST", "/api/runs/{run}/cancel", RouteAccess.Write),
        new("DELETE", "/api/runs/{run}", RouteAccess.Write),
        new("GET", "/api/runs/summary?ids={run}", RouteAccess.Read) { DropsUnknownIds = true },
        new("GET", "/api/runs/summary.csv?ids={run}", RouteAccess.Read) { DropsUnknownIds = true },
        new("GET", "/api/runs/{run}/epochs.csv", RouteAccess.Read),
        new("GET", "/api/runs/{run}/weights.pt", RouteAccess.Read),
        new("GET", "/api/runs/{run}/weights.safetensors", RouteAccess.Read),
        new("GET", "/api/runs/{run}/model-card", RouteAccess.Read),
        new("GET", "/api/runs/{run}/model-card.md", RouteAccess.Read),
        new("GET", "/api/runs/{run}/per-class.csv", RouteAccess.Read),
        new("GET", "/api/runs/{run}/confusion.csv", RouteAccess.Read),
        new("GET", "/api/runs/{run}/predictions.csv", RouteAccess.Read),
        new("POST", "/api/runs/{run}/predict", RouteAccess.Write, _ => NotAScan()),
        new("GET", "/api/scans/{scan}/image.png", RouteAccess.Read),
        new("GET", "/api/scans/{scan}/preview.png", RouteAccess.Read),
        new("GET", "/api/scans/{scan}/maps/{method}.png", RouteAccess.Read),
        new("GET", "/api/scans/{scan}/maps/{method}.f32", RouteAccess.Read),

        new("GET", "/api/models?size=64&channels=1&classes=2", RouteAccess.Read),
        new("GET", "/api/models.csv?size=64&channels=1&classes=2", RouteAccess.Read),

        new("POST", "/api/runs/{run}/embeddings", RouteAccess.Write, _ => JsonContent.Create(new { projection = "pca" })),
        new("POST", "/api/datasets/{dataset}/embeddings", RouteAccess.Write, _ => JsonContent.Create(new { projection = "none-such" })),
        new("GET", "/api/runs/{run}/embeddings", RouteAccess.Read),
        new("GET", "/api/datasets/{dataset}/embeddings", RouteAccess.Read),
        new("GET", "/api/embeddings/{embedding}", RouteAccess.Read),

        // Evaluating on the importing dataset is refused (409) after the role and team checks: the matrix starts no job.
        new("POST", "/api/runs/{run}/evaluations", RouteAccess.Write, team => JsonContent.Create(new { datasetId = team.ImportingDatasetId })),
        new("GET", "/api/runs/{run}/evaluations", RouteAccess.Read),
        new("GET", "/api/evaluations/{evaluation}", RouteAccess.Read),

        new("POST", "/api/attributions", RouteAccess.Write, team => JsonContent.Create(new { runIds = new[] { team.RunId }, methods = new[] { "vanilla-gradient" } })),
        new("GET", "/api/attributions/{attribution}", RouteAccess.Read),
        new("POST", "/api/attributions/{attribution}/cancel", RouteAccess.Write),
        // A permitted delete would remove the seeded request the other rows use: here only the roles are checked (an id
        // nobody has); the team scope of deletes is in DeletionApiTests.
        new("DELETE", "/api/attributions/{gone}", RouteAccess.Write),
        new("GET", "/api/attributions/{attribution}/figure.{format}", RouteAccess.Read),
        new("GET", "/api/runs/{run}/sanity-check", RouteAccess.Read),
        new("POST", "/api/runs/{run}/sanity-check", RouteAccess.Write, _ => JsonContent.Create(new { methods = new[] { "vanilla-gradient" } })),
        new("GET", "/api/runs/{run}/attributions/{method}/{slice}", RouteAccess.Read),
        new("GET", "/api/runs/{run}/saliency-scores", RouteAccess.Read),
        new("GET", "/api/runs/{run}/saliency-scores.csv", RouteAccess.Read),

        new("GET", "/api/slices/{slice}/image.png", RouteAccess.Read),
        new("GET", "/api/slices/{slice}/mask.png", RouteAccess.Read),
        new("GET", "/api/slices/{slice}/preview.png", RouteAccess.Read),
        new("GET", "/api/attributions/maps/{map}/overlay.png", RouteAccess.Read),
        new("GET", "/api/saliency/{map}/overlay.png", RouteAccess.Read) { Redirects = true },

        // Studies (#10): any signed-in user lists and rates what is assigned to them; Researchers and Admins manage. Roles
        // only here: another team's studies (404) and maps (400) are tested in StudiesApiTests.
        new("POST", "/api/studies", RouteAccess.Write, _ => JsonContent.Create(new { title = "" })),
        new("GET", "/api/studies", RouteAccess.SignedIn),
        new("GET", "/api/studies/{study}", RouteAccess.SignedIn),
        new("GET", "/api/studies/{study}/next", RouteAccess.SignedIn),
        new("POST", "/api/studies/{study}/ratings", RouteAccess.SignedIn, _ => JsonContent.Create(new { token = "0", value = 1 })),
        new("POST", "/api/studies/{study}/close", RouteAccess.Write),
        new("DELETE", "/api/studies/{study}", RouteAccess.Write),
        new("GET", "/api/studies/{study}/results", RouteAccess.Write),
        new("GET", "/api/studies/{study}/results.csv", RouteAccess.Write),
        new("GET", "/api/studies/{study}/items/{token}/{layer}.png", RouteAccess.SignedIn),

        new("GET", "/api/admin/teams", RouteAccess.Admin),
        new("POST", "/api/admin/teams", RouteAccess.Admin, _ => JsonContent.Create(new { name = $"team {Guid.NewGuid():N}" })),
        new("GET", "/api/admin/users", RouteAccess.Admin),
        new("POST", "/api/admin/users", RouteAccess.Admin, _ => JsonContent.Create(new
        {
            email = $"made-{Guid.NewGuid():N}@xailab.test", password = "Made-pass-1", role = XaiLabRoles.Viewer, teamIds = new[] { 1 },
        })),
        new("PATCH", "/api/admin/users/{user}", RouteAccess.Admin, _ => JsonContent.Create(new { role = XaiLabRoles.Viewer })),
        new("POST", "/api/admin/users/{user}/password", RouteAccess.Admin, _ => JsonContent.Create(new { password = "Reset-pass-1" })),
        new("DELETE", "/api/admin/users/{user}", RouteAccess.Admin),
        new("GET", "/api/admin/audit", RouteAccess.Admin),
    ];

    /// <summary>A scan that is none: refused (400, or 409 for a run without trained weights) after the role and team checks.</summary>
    private static HttpContent NotAScan() => new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3, 4, 5, 6, 7, 8]), "file", "notes.txt" } };

    /// <summary>A tiny upload with an unknown format: refused (400) after the role and team checks, before any import.</summary>
    private static HttpContent Upload(TeamObjects team)
    {
        var content = new MultipartFormDataContent
        {
            { new ByteArrayContent([1, 2, 3]), "file", "tiny.zip" },
            { new StringContent("none-such"), "format" },
            { new StringContent(team.TeamId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "teamId" },
        };
        return content;
    }
}
