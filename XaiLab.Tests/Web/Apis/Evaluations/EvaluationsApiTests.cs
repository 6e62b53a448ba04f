using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using XaiLab.Data;
using XaiLab.Data.Entities;
using XaiLab.Engine.Evaluation;
using XaiLab.Tests.Fixtures;
using XaiLab.Web.Services.Accounts;

namespace XaiLab.Tests.Web.Apis.Evaluations;

/// <summary>External evaluations through the public API of the real host: a run trained on one demo dataset judged on
/// demo datasets made with other seeds ("another hospital").</summary>
[Collection(WebHostCollection.Name)]
public sealed class EvaluationsApiTests(EvaluationsFixture fixture) : IClassFixture<EvaluationsFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task Evaluate_OtherHospital_StoresMetricsCalibrationAndPredictionsInTheRunsClasses()
    {
        var evaluation = await fixture.EvaluateAsync(fixture.RunId, new { datasetId = fixture.OtherDatasetId, split = "all" });

        Assert.True(evaluation.GetProperty("status").GetString() == "succeeded", evaluation.ToString());
        Assert.Equal(1.0, evaluation.GetProperty("progress").GetDouble());
        Assert.Equal(fixture.OtherDatasetId, evaluation.GetProperty("datasetId").GetInt32());
        Assert.Equal("all", evaluation.GetProperty("split").GetString());
        Assert.Equal(60, evaluation.GetProperty("samples").GetInt32());
        // Matched by name, ignoring case: every class of theirs counts as the run's class of that name.
        var map = evaluation.GetProperty("classMap");
        Assert.Equal("meningioma", map.GetProperty("MENINGIOMA").GetString());
        Assert.Equal("glioma", map.GetProperty("Glioma").GetString());

        var predictions = evaluation.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(60, predictions.Count);
        var labels = await SliceLabelsAsync(fixture.OtherDatasetId);
        foreach (var p in predictions)
        {
            Assert.Equal(labels[p.GetProperty("sliceId").GetInt32()], p.GetProperty("label").GetInt32());
            var probabilities = p.GetProperty("probabilities").EnumerateArray().Select(v => v.GetSingle()).ToArray();
            Assert.Equal(3, probabilities.Length);
            Assert.Equal(1.0, probabilities.Sum(), 4);
            Assert.Equal(Array.IndexOf(probabilities, probabilities.Max()), p.GetProperty("predicted").GetInt32());
        }
        var correct = predictions.Select(p => p.GetProperty("label").GetInt32() == p.GetProperty("predicted").GetInt32()).ToList();

        var metrics = evaluation.GetProperty("metrics");
        Assert.Equal(correct.Count(c => c) / 60.0, metrics.GetProperty("accuracy").GetDouble(), 9);
        Assert.InRange(metrics.GetProperty("macroF1").GetDouble(), 0, 1);
        Assert.InRange(metrics.GetProperty("weightedF1").GetDouble(), 0, 1);
        Assert.Equal(3, metrics.GetProperty("perClass").GetArrayLength());
        Assert.Equal(["meningioma", "glioma", "pituitary"],
            metrics.GetProperty("confusionMatrix").GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(60, metrics.GetProperty("confusionMatrix").GetProperty("counts").EnumerateArray().Sum(r => r.EnumerateArray().Sum(c => c.GetInt32())));
        Assert.True(metrics.GetProperty("rocAuc").TryGetProperty("macro", out _));

        var calibration = metrics.GetProperty("calibration");
        var bins = calibration.GetProperty("bins").EnumerateArray().ToList();
        Assert.Equal(15, bins.Count);
        Assert.Equal(60, bins.Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(0.0, bins[0].GetProperty("lower").GetDouble());
        Assert.Equal(1.0, bins[14].GetProperty("upper").GetDouble());
        var expected = Calibration.Compute(
            predictions.Select(p => p.GetProperty("label").GetInt32()).ToArray(),
            predictions.Select(p => p.GetProperty("probabilities").EnumerateArray().Select(v => v.GetSingle()).ToArray()).ToArray());
        Assert.Equal(expected.ExpectedCalibrationError, calibration.GetProperty("expectedCalibrationError").GetDouble(), 9);

        // External minus internal accuracy, with the internal side from the run's own test predictions.
        var run = await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}");
        var internalAccuracy = run.GetProperty("metrics").GetProperty("accuracy").GetDouble();
        var difference = evaluation.GetProperty("accuracyDifference");
        Assert.Equal(internalAccuracy, difference.GetProperty("internal").GetDouble(), 9);
        Assert.Equal(metrics.GetProperty("accuracy").GetDouble() - internalAccuracy, difference.GetProperty("difference").GetDouble(), 9);
        Assert.True(difference.GetProperty("lower").GetDouble() <= difference.GetProperty("difference").GetDouble());
        Assert.True(difference.GetProperty("upper").GetDouble() >= difference.GetProperty("difference").GetDouble());

        var list = await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/evaluations");
        var listed = list.EnumerateArray().Single(e => e.GetProperty("id").GetInt32() == evaluation.GetProperty("id").GetInt32());
        Assert.Equal(0, listed.GetProperty("predictions").GetArrayLength());
        Assert.Equal(calibration.GetProperty("expectedCalibrationError").GetDouble(),
            listed.GetProperty("metrics").GetProperty("calibration").GetProperty("expectedCalibrationError").GetDouble());
    }

    [Fact]
    public async Task Evaluate_OnTheRunsOwnTestSplit_PredictsWhatTrainingsEvaluationPredicted()
    {
        // The same preprocessing as the training job's evaluation: the run's own test split gives its stored predictions.
        var evaluation = await fixture.EvaluateAsync(fixture.RunId, new { datasetId = fixture.DatasetId, split = "test" });
        Assert.True(evaluation.GetProperty("status").GetString() == "succeeded", evaluation.ToString());

        var own = (await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/predictions")).EnumerateArray()
            .ToDictionary(p => p.GetProperty("sliceId").GetInt32(), p => p.GetProperty("probabilities").EnumerateArray().Select(v => v.GetSingle()).ToArray());
        var external = evaluation.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(own.Count, external.Count);
        foreach (var p in external)
        {
            var probabilities = p.GetProperty("probabilities").EnumerateArray().Select(v => v.GetSingle()).ToArray();
            var stored = own[p.GetProperty("sliceId").GetInt32()];
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(stored[k], probabilities[k], 5);
            }
        }
        var run = await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}");
        Assert.Equal(run.GetProperty("metrics").GetProperty("accuracy").GetDouble(),
            evaluation.GetProperty("metrics").GetProperty("accuracy").GetDouble(), 9);
        // The run's own test split has the same calibration block, computed from its stored predictions.
        Assert.Equal(run.GetProperty("calibration").GetProperty("expectedCalibrationError").GetDouble(),
            evaluation.GetProperty("metrics").GetProperty("calibration").GetProperty("expectedCalibrationError").GetDouble(), 6);
        Assert.Equal(own.Count, run.GetProperty("calibration").GetProperty("bins").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.Equal(0.0, evaluation.GetProperty("accuracyDifference").GetProperty("difference").GetDouble(), 9);
    }

    [Fact]
    public async Task Evaluate_ClassesThatDoNotMatch_Is400NamingBothLists_AndAClassMapCountsThemAsTheRunsClasses()
    {
        using var refused = await Client.PostAsJsonAsync($"/api/runs/{fixture.RunId}/evaluations", new { datasetId = fixture.RenamedDatasetId });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("[x0, x1, x2]", detail, StringComparison.Ordinal);
        Assert.Contains("[meningioma, glioma, pituitary]", detail, StringComparison.Ordinal);

        using var badMap = await Client.PostAsJsonAsync($"/api/runs/{fixture.RunId}/evaluations",
            new { datasetId = fixture.RenamedDatasetId, classMap = new Dictionary<string, string> { ["x0"] = "astrocytoma", ["x1"] = "meningioma", ["x2"] = "pituitary" } });
        Assert.Equal(HttpStatusCode.BadRequest, badMap.StatusCode);
        Assert.Contains("astrocytoma", await badMap.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // x0 and x1 swapped: their class 0 is our glioma (1), their 1 our meningioma (0).
        var evaluation = await fixture.EvaluateAsync(fixture.RunId, new
        {
            datasetId = fixture.RenamedDatasetId,
            classMap = new Dictionary<string, string> { ["X0"] = "Glioma", ["x1"] = "meningioma", ["x2"] = "pituitary" },
        });
        Assert.True(evaluation.GetProperty("status").GetString() == "succeeded", evaluation.ToString());
        Assert.Equal("glioma", evaluation.GetProperty("classMap").GetProperty("x0").GetString());
        var labels = await SliceLabelsAsync(fixture.RenamedDatasetId);
        int[] ours = [1, 0, 2];
        var predictions = evaluation.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(45, predictions.Count);
        Assert.All(predictions, p => Assert.Equal(ours[labels[p.GetProperty("sliceId").GetInt32()]], p.GetProperty("label").GetInt32()));
        var support = evaluation.GetProperty("metrics").GetProperty("perClass").EnumerateArray().Select(c => c.GetProperty("support").GetInt32()).ToArray();
        Assert.Equal(labels.Values.Count(l => l == 1), support[0]);
        Assert.Equal(labels.Values.Count(l => l == 0), support[1]);
    }

    [Fact]
    public async Task Evaluate_RefusesWhatCannotBeEvaluated()
    {
        await using var db = await Contexts().CreateDbContextAsync();
        var untrained = new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = fixture.DatasetId, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Queued,
            Epochs = 1, ImageSize = 32, BatchSize = 16, LearningRate = 1e-3, Seed = 9, CreatedAt = DateTimeOffset.UtcNow,
        };
        var importing = new Dataset { TeamId = Team.DefaultTeamId, Name = "still importing", Status = DatasetStatus.Importing, CreatedAt = DateTimeOffset.UtcNow };
        db.Runs.Add(untrained);
        db.Datasets.Add(importing);
        await db.SaveChangesAsync();

        async Task<HttpStatusCode> PostAsync(int runId, object body)
        {
            using var response = await Client.PostAsJsonAsync($"/api/runs/{runId}/evaluations", body);
            return response.StatusCode;
        }
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(untrained.Id, new { datasetId = fixture.OtherDatasetId }));
        Assert.Equal(HttpStatusCode.Conflict, await PostAsync(fixture.RunId, new { datasetId = importing.Id }));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(fixture.RunId, new { datasetId = 999_999 }));
        Assert.Equal(HttpStatusCode.NotFound, await PostAsync(999_999, new { datasetId = fixture.OtherDatasetId }));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(fixture.RunId, new { datasetId = fixture.OtherDatasetId, split = "validation" }));

        using var viewer = await fixture.Factory.CreateUserClientAsync(XaiLabRoles.Viewer, Team.DefaultTeamId);
        using var forbidden = await viewer.PostAsJsonAsync($"/api/runs/{fixture.RunId}/evaluations", new { datasetId = fixture.OtherDatasetId });
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Evaluations_OfAnotherTeam_AreMissing()
    {
        var evaluation = await fixture.EvaluateAsync(fixture.SecondRunId, new { datasetId = fixture.OtherDatasetId });
        var id = evaluation.GetProperty("id").GetInt32();
        var otherTeam = await fixture.Factory.CreateTeamAsync($"other {Guid.NewGuid():N}");
        using var outsider = await fixture.Factory.CreateUserClientAsync(XaiLabRoles.Researcher, otherTeam);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/evaluations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/runs/{fixture.SecondRunId}/evaluations")).StatusCode);
        using var post = await outsider.PostAsJsonAsync($"/api/runs/{fixture.SecondRunId}/evaluations", new { datasetId = fixture.OtherDatasetId });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);

        // Another team's dataset is missing (404); to a caller in both teams it is refused, since evaluations stay in
        // their run's team (400).
        var foreign = await OtherTeamDatasetAsync(otherTeam);
        using var home = await fixture.Factory.CreateUserClientAsync(XaiLabRoles.Researcher, Team.DefaultTeamId);
        using var hidden = await home.PostAsJsonAsync($"/api/runs/{fixture.SecondRunId}/evaluations", new { datasetId = foreign });
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var both = await fixture.Factory.CreateUserClientAsync(XaiLabRoles.Researcher, Team.DefaultTeamId, otherTeam);
        using var across = await both.PostAsJsonAsync($"/api/runs/{fixture.SecondRunId}/evaluations", new { datasetId = foreign });
        Assert.Equal(HttpStatusCode.BadRequest, across.StatusCode);
    }

    [Fact]
    public async Task Compare_OnAnEvaluationDataset_PairsTheTwoRunsEvaluations()
    {
        var first = await fixture.EvaluateAsync(fixture.RunId, new { datasetId = fixture.OtherDatasetId });
        var second = await fixture.EvaluateAsync(fixture.SecondRunId, new { datasetId = fixture.OtherDatasetId });
        Assert.Equal("succeeded", first.GetProperty("status").GetString());
        Assert.Equal("succeeded", second.GetProperty("status").GetString());

        var comparison = await Client.GetFromJsonAsync<JsonElement>(
            $"/api/runs/{fixture.RunId}/compare/{fixture.SecondRunId}?evaluationDatasetId={fixture.OtherDatasetId}");
        Assert.Equal(60, comparison.GetProperty("samples").GetInt32());
        Assert.Equal(first.GetProperty("metrics").GetProperty("accuracy").GetDouble() - second.GetProperty("metrics").GetProperty("accuracy").GetDouble(),
            comparison.GetProperty("accuracyDifference").GetDouble(), 9);
        var disagreements = first.GetProperty("predictions").EnumerateArray()
            .Zip(second.GetProperty("predictions").EnumerateArray())
            .Where(p => p.First.GetProperty("predicted").GetInt32() != p.Second.GetProperty("predicted").GetInt32())
            .Select(p => p.First.GetProperty("sliceId").GetInt32()).ToList();
        Assert.Equal(disagreements, comparison.GetProperty("disagreementSliceIds").EnumerateArray().Select(i => i.GetInt32()));

        // Without the parameter the runs are compared on their test split, as before.
        var internalComparison = await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/compare/{fixture.SecondRunId}");
        Assert.NotEqual(60, internalComparison.GetProperty("samples").GetInt32());
        using var none = await Client.GetAsync($"/api/runs/{fixture.RunId}/compare/{fixture.SecondRunId}?evaluationDatasetId={fixture.RenamedDatasetId + 1000}");
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
    }

    [Fact]
    public async Task Attributions_ExplainExternalSlices_AndTheScorecardScoresThemOnTheirDataset()
    {
        var externalSlice = (await SliceLabelsAsync(fixture.OtherDatasetId)).Keys.Min();
        var unevaluated = await fixture.CreateDemoAsync(seed: 21, slices: 30);
        var unevaluatedSlice = (await SliceLabelsAsync(unevaluated)).Keys.Min();
        using var refused = await Client.PostAsJsonAsync("/api/attributions",
            new { runIds = new[] { fixture.RunId }, methods = new[] { "vanilla-gradient" }, sliceIds = new[] { unevaluatedSlice } });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        var evaluation = await fixture.EvaluateAsync(fixture.RunId, new { datasetId = fixture.OtherDatasetId });
        var predicted = evaluation.GetProperty("predictions").EnumerateArray()
            .Single(p => p.GetProperty("sliceId").GetInt32() == externalSlice).GetProperty("predicted").GetInt32();
        using var accepted = await Client.PostAsJsonAsync("/api/attributions",
            new { runIds = new[] { fixture.RunId }, methods = new[] { "vanilla-gradient" }, sliceIds = new[] { externalSlice } });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var requestId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var request = await ApiPolling.UntilAsync<JsonElement>(Client, $"/api/attributions/{requestId}",
            r => r.GetProperty("status").GetString() is "succeeded" or "failed", TimeSpan.FromMinutes(2));
        Assert.True(request.GetProperty("status").GetString() == "succeeded", request.ToString());
        var map = request.GetProperty("maps").EnumerateArray().Single(m => m.GetProperty("sliceId").GetInt32() == externalSlice);
        // Explained for the class the run predicted on that slice in the evaluation.
        Assert.Equal(predicted, map.GetProperty("target").GetInt32());

        var external = await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/saliency-scores?datasetId={fixture.OtherDatasetId}");
        var rows = external.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains(rows, r => r.GetProperty("sliceId").GetInt32() == externalSlice && r.GetProperty("iouTop30").ValueKind == JsonValueKind.Number);
        var slicesOfOther = (await SliceLabelsAsync(fixture.OtherDatasetId)).Keys.ToHashSet();
        Assert.All(rows, r => Assert.Contains(r.GetProperty("sliceId").GetInt32(), slicesOfOther));
        var own = await Client.GetFromJsonAsync<JsonElement>($"/api/runs/{fixture.RunId}/saliency-scores");
        Assert.DoesNotContain(own.GetProperty("rows").EnumerateArray(), r => slicesOfOther.Contains(r.GetProperty("sliceId").GetInt32()));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/runs/{fixture.RunId}/saliency-scores?datasetId={unevaluated}")).StatusCode);
    }

    [Fact]
    public async Task DeletingTheEvaluationDataset_NamesItsEvaluations_AndCascadeDeletesThem()
    {
        var datasetId = await fixture.CreateDemoAsync(seed: 31, slices: 30);
        var evaluation = await fixture.EvaluateAsync(fixture.SecondRunId, new { datasetId });
        var id = evaluation.GetProperty("id").GetInt32();

        using var refused = await Client.DeleteAsync($"/api/datasets/{datasetId}");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains($"evaluations {id}", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/evaluations/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/datasets/{datasetId}?cascade=true")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/evaluations/{id}")).StatusCode);
        await using var db = await Contexts().CreateDbContextAsync();
        Assert.False(await db.EvaluationPredictions.AnyAsync(p => p.EvaluationId == id));
        // The run itself stays.
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/runs/{fixture.SecondRunId}")).StatusCode);
    }

    [Fact]
    public async Task DeletingARun_DeletesItsEvaluations()
    {
        await using var db = await Contexts().CreateDbContextAsync();
        var run = new TrainingRun
        {
            TeamId = Team.DefaultTeamId, DatasetId = fixture.DatasetId, Architecture = "smallcnn", Device = "cpu", Status = RunStatus.Succeeded,
            Epochs = 1, CompletedEpochs = 1, ImageSize = 32, BatchSize = 16, LearningRate = 1e-3, Seed = 8, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        var slice = await db.Slices.FirstAsync(s => s.DatasetId == fixture.OtherDatasetId);
        var evaluation = new RunEvaluation
        {
            TeamId = Team.DefaultTeamId, RunId = run.Id, DatasetId = fixture.OtherDatasetId, Status = RunEvaluationStatus.Succeeded,
            Samples = 1, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.RunEvaluations.Add(evaluation);
        await db.SaveChangesAsync();
        db.EvaluationPredictions.Add(new EvaluationPrediction { EvaluationId = evaluation.Id, SliceId = slice.Id, Probabilities = [1f, 0f, 0f] });
        await db.SaveChangesAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/runs/{run.Id}")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/api/evaluations/{evaluation.Id}")).StatusCode);
        Assert.False(await db.EvaluationPredictions.AnyAsync(p => p.EvaluationId == evaluation.Id));
        Assert.True(await db.Slices.AnyAsync(s => s.Id == slice.Id));
    }

    private IDbContextFactory<XaiLabDbContext> Contexts() => fixture.Factory.Services.GetRequiredService<IDbContextFactory<XaiLabDbContext>>();

    private async Task<Dictionary<int, int>> SliceLabelsAsync(int datasetId)
    {
        await using var db = await Contexts().CreateDbContextAsync();
        return await db.Slices.Where(s => s.DatasetId == datasetId).ToDictionaryAsync(s => s.Id, s => s.Label);
    }

    private async Task<int> OtherTeamDatasetAsync(int teamId)
    {
        await using var db = await Contexts().CreateDbContextAsync();
        var dataset = new Dataset
        {
            TeamId = teamId, Name = "theirs", Status = DatasetStatus.Ready, ClassNames = ["meningioma", "glioma", "pituitary"],
            VersionHash = Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow,
        };
        db.Datasets.Add(dataset);
        await db.SaveChangesAsync();
        return dataset.Id;
    }
}
