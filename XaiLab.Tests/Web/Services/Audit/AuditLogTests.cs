using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Audit;

namespace XaiLab.Tests.Web.Services.Audit;

/// <summary>What the audit log records, who may read it, and its CSV export.</summary>
[Collection(WebHostCollection.Name)]
public sealed class AuditLogTests : IDisposable
{
    private readonly XaiLabAppFactory factory = new();

    [Fact]
    public async Task Actions_AreRecordedWithTheActingUser_AndFilterable()
    {
        using var admin = factory.CreateClient();
        var created = await admin.PostAsJsonAsync("/api/datasets/demo", new { slices = 12, name = "audited" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await admin.PostAsync($"/api/datasets/{id}/cancel", null);
        await admin.PostAsJsonAsync("/api/admin/teams", new { name = "Audited team" });

        var entries = await admin.GetFromJsonAsync<List<AuditEntryRow>>("/api/admin/audit") ?? [];
        var demo = Assert.Single(entries!, e => e.Action == AuditActions.DatasetDemo);
        Assert.Equal(XaiLabAppFactory.AdminEmail, demo.User);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), demo.ObjectId);
        Assert.Contains(entries!, e => e.Action == AuditActions.TeamCreated && e.Detail == "Audited team");
        Assert.True(entries.Select(e => e.Id).SequenceEqual(entries.Select(e => e.Id).OrderDescending()), "newest first");

        var filtered = await admin.GetFromJsonAsync<List<AuditEntryRow>>("/api/admin/audit?action=dataset.");
        Assert.NotEmpty(filtered!);
        Assert.All(filtered!, e => Assert.StartsWith("dataset.", e.Action, StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordAsync_FromAService_KeepsEveryField()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IAuditLog>().RecordAsync(AuditActions.Rating, "study-item", "42", "rated 3 of 5", CancellationToken.None);
        }
        await using var read = factory.Services.CreateAsyncScope();
        var entry = Assert.Single(await read.ServiceProvider.GetRequiredService<AuditQueries>().ListAsync(new AuditFilter(Action: AuditActions.Rating)));
        Assert.Equal(("study-item", "42", "rated 3 of 5"), (entry.ObjectType, entry.ObjectId, entry.Detail));
    }

    [Fact]
    public async Task CsvExport_HasAHeaderAndDefusesFormulas_AndIsForAdminsOnly()
    {
        using var anonymous = factory.CreateAnonymousClient();
        await anonymous.PostAsJsonAsync("/api/auth/token", new { email = "=HYPERLINK(\"http://evil\")", password = "x" });
        using var admin = factory.CreateClient();
        var response = await admin.GetAsync("/api/admin/audit?format=csv");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("id,at,userId,user,action,objectType,objectId,detail,ipAddress", csv, StringComparison.Ordinal);
        Assert.Contains("signin.failed", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", csv, StringComparison.Ordinal);

        using var researcher = await factory.CreateUserClientAsync(XaiLab.Web.Services.Accounts.XaiLabRoles.Researcher);
        Assert.Equal(HttpStatusCode.Forbidden, (await researcher.GetAsync("/api/admin/audit?format=csv")).StatusCode);
    }

    private sealed record AuditEntryRow(long Id, string? User, string Action, string ObjectType, string? ObjectId, string? Detail);

    public void Dispose() => factory.Dispose();
}
