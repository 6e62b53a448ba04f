using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Bunit;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Components.Pages.Datasets;
using XaiLab.Web.Jobs.Datasets;
using XaiLab.Web.Services.Datasets;
using XaiLab.Web.Services.Progress;

namespace XaiLab.Tests.Web.Components.Pages.Datasets;

public sealed class DatasetDetailTests : MudBunitContext
{
    private readonly SqliteDatabase database = new();
    private readonly DatasetProgressNotifier notifier = new();

    public DatasetDetailTests()
    {
        Services.AddSingleton(database.Factory);
        Services.AddSingleton(notifier);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(new SQLiteStorage(Path.Combine(database.Folder, "hangfire.db"))));
        Services.AddSingleton(new DataDirectory(database.Folder));
        Services.AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = database.Folder });
        Services.AddSingleton<DatasetUploadStore>();
        Services.AddJobExecutions();
        Services.AddScoped<DatasetService>();
        Services.AddScoped<DatasetSliceQueries>();
        Services.AddScoped<DatasetSplitService>();
        Services.TryAddSingleton(new XaiLab.Data.Artifacts.ArtifactStore(Path.Combine(database.Folder, "artifacts")));
        Services.AddDeletionFromPages(database.Folder);
        Services.AddScoped<DatasetImportService>();
    }

    [Fact]
    public async Task Filters_ChangeTheGalleryQuery()
    {
        var id = Seed(DatasetSplitPreset.PatientGrouped);
        var cut = Context.Render<DatasetDetail>(p => p.Add(c => c.DatasetId, id));
        cut.WaitForAssertion(() => Assert.Equal("16 slices match", cut.Find("[data-testid=match-count]").TextContent.Trim()));

        await cut.InvokeAsync(() => Select(cut, "Class").ValueChanged.InvokeAsync("b"));
        cut.WaitForAssertion(() => Assert.Equal("6 slices match", cut.Find("[data-testid=match-count]").TextContent.Trim()));

        await cut.InvokeAsync(() => Select(cut, "Split").ValueChanged.InvokeAsync("test"));
        cut.WaitForAssertion(() => Assert.Equal("2 slices match", cut.Find("[data-testid=match-count]").TextContent.Trim()));
        Assert.Equal(new("b", "test", null), cut.Instance.CurrentFilter);
        Assert.Empty(cut.FindAll("[data-testid=leakage-warning]"));
    }

    [Fact]
    public void PaperPreset_ShowsTheLeakageWarningAndSharedPatients()
    {
        var id = Seed(DatasetSplitPreset.PaperRandom);

        var cut = Context.Render<DatasetDetail>(p => p.Add(c => c.DatasetId, id));

        cut.WaitForAssertion(() => Assert.Contains("data leakage", cut.Find("[data-testid=leakage-warning]").TextContent));
        Assert.Contains("appear in more than one split", cut.Find("[data-testid=leakage-report]").TextContent);
    }

    [Fact]
    public void Delete_WhileImporting_SaysTheImportIsCancelledFirst_ThenDeletesItsRowsAndFiles()
    {
        var id = Seed(DatasetSplitPreset.PatientGrouped);
        using (var db = database.Create())
        {
            db.Datasets.Where(d => d.Id == id).ExecuteUpdate(u => u.SetProperty(d => d.Status, DatasetStatus.Importing));
        }
        var images = Path.Combine(database.Folder, "artifacts", "datasets", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "images");
        Directory.CreateDirectory(images);
        File.WriteAllBytes(Path.Combine(images, "000000.png"), [1, 2, 3]);
        var dialogs = ConfirmationDialogs.Render(Context);
        var cut = Context.Render<DatasetDetail>(p => p.Add(c => c.DatasetId, id));

        cut.WaitForElement("[data-testid=delete-dataset]").Click();
        var question = ConfirmationDialogs.Confirm(dialogs, "The import is cancelled first.");

        Assert.Contains("Delete seeded, its 16 slices and their files?", question, StringComparison.Ordinal);
        cut.WaitForAssertion(() => Assert.EndsWith("/", Context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal));
        using var after = database.Create();
        Assert.False(after.Datasets.Any(d => d.Id == id));
        Assert.False(after.Slices.Any(s => s.DatasetId == id));
        Assert.False(Directory.Exists(Path.GetDirectoryName(images)));
        Assert.Equal(["dataset.cancel", "delete"], after.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToList());
    }

    private static MudSelect<string> Select(IRenderedComponent<DatasetDetail> cut, string label) =>
        cut.FindComponents<MudSelect<string>>().Single(s => s.Instance.Label == label).Instance;

    /// <summary>16 slices: class a (10, patients P0-P4), class b (6, patients Q0-Q2); two b slices in test.</summary>
    private int Seed(DatasetSplitPreset preset)
    {
        using var db = database.Create();
        var dataset = new Dataset
        {
            TeamId = Team.DefaultTeamId, Name = "seeded", Status = DatasetStatus.Ready, ClassNames = ["a", "b"], SliceCount = 16,
            PatientCount = 8, SplitPreset = preset,
        };
        db.Datasets.Add(dataset);
        db.SaveChanges();
        for (var i = 0; i < 16; i++)
        {
            var label = i < 10 ? 0 : 1;
            var patient = label == 0 ? $"P{i / 2}" : $"Q{(i - 10) / 2}";
            var split = label == 1 && i >= 14 ? SplitPart.Test : preset == DatasetSplitPreset.PaperRandom && i % 2 == 1 ? SplitPart.Validation : SplitPart.Train;
            db.Slices.Add(new Slice
            {
                DatasetId = dataset.Id, Index = i, PatientId = patient, Label = label, Split = split, Width = 8, Height = 8, BitDepth = 8,
                ImagePath = $"datasets/{dataset.Id}/images/{i:D6}.png", ContentHash = $"h{i}",
            });
        }
        db.SaveChanges();
        return dataset.Id;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        database.Dispose();
    }
}
