using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using XaiLab.Data.Artifacts;
using XaiLab.Engine.Datasets.Scans;
using XaiLab.Tests.TestDoubles;
using XaiLab.Web.Services.Scans;

namespace XaiLab.Tests.Web.Services.Scans;

/// <summary>Explained scans go when their retention has passed, and a scan left without a record goes after the retention too.</summary>
public sealed class ScanSweeperTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("xailab-scans-").FullName;

    [Fact]
    public async Task Sweep_DeletesExpiredScansOnly_AndRecordlessOnesAfterTheRetention()
    {
        var start = DateTimeOffset.UtcNow;
        var clock = new ManualTimeProvider(start);
        var store = new ArtifactStore(root);
        var sweeper = new ScanSweeper(store, Options.Create(new ScansOptions { Retention = TimeSpan.FromHours(1) }), clock, NullLogger<ScanSweeper>.Instance);
        var young = await WriteAsync(store, "a".PadLeft(32, '0'), start, start.AddHours(1));
        var old = await WriteAsync(store, "b".PadLeft(32, '0'), start.AddHours(-2), start.AddMinutes(-1));
        Directory.CreateDirectory(store.Resolve("scans/c0000000000000000000000000000000"));

        Assert.Equal(1, sweeper.Sweep());
        Assert.True(Directory.Exists(store.Resolve(young)));
        Assert.False(Directory.Exists(store.Resolve(old)));
        Assert.True(Directory.Exists(store.Resolve("scans/c0000000000000000000000000000000")));

        clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(2, sweeper.Sweep());
        Assert.Empty(Directory.EnumerateDirectories(store.Resolve("scans")));
    }

    private static async Task<string> WriteAsync(ArtifactStore store, string token, DateTimeOffset created, DateTimeOffset expires)
    {
        var record = new ScanRecord(token, 1, 1, "scan.png", ScanFormat.Image, ["grad-cam"], null, created, expires);
        await store.WriteAsync(record.RecordPath, JsonSerializer.SerializeToUtf8Bytes(record, new JsonSerializerOptions(JsonSerializerDefaults.Web)), CancellationToken.None);
        await store.WriteAsync(record.ImagePath, new byte[] { 1, 2, 3 }, CancellationToken.None);
        return record.Folder;
    }

    public void Dispose() => Directory.Delete(root, recursive: true);
}
