using System.Diagnostics;
using TorchSharp;
using XaiLab.Engine.Datasets.Caching;
using XaiLab.Engine.Imaging;
using XaiLab.Engine.Models;
using XaiLab.Engine.Training;
using static TorchSharp.torch;

namespace XaiLab.Benchmarks;

/// <summary>
/// Ratios that hold on any machine: XaiLab's training loop (<see cref="Trainer"/>: batching from a sample source,
/// schedule, progress, checkpoint) against a bare TorchSharp loop over pre-built batches of the same model and
/// optimiser, and data loading (building the batch tensors) against a training step.
/// </summary>
internal static class PipelineRatios
{
    public static IEnumerable<Measurement> Run(BenchmarkOptions options)
    {
        var architecture = options.Smoke ? Architecture.SmallCnn : Architecture.DenseNet121;
        var size = options.Smoke ? 32 : 64;
        var samples = options.Smoke ? 8 : 64;
        const int batchSize = 16;
        var random = new Random(3);
        var pixels = Enumerable.Range(0, samples).Select(_ => Enumerable.Range(0, size * size).Select(_ => (float)random.NextDouble()).ToArray()).ToList();
        var source = new InMemorySampleSource(pixels, Enumerable.Range(0, samples).Select(i => i % 3).ToList());
        var spec = new ModelSpec(architecture, InputChannels: 1, Classes: 3, InputSize: size);
        var trainingOptions = new TrainingOptions(Epochs: 1, BatchSize: batchSize, Device: "cpu");

        var load = Timing.LoadAverage();
        var (loop, loopCpu) = Timing.Median(() =>
        {
            manual_seed(1);
            using var model = ModelFactory.Create(spec);
            new Trainer().Train(model, source, null, trainingOptions, new SilentObserver(), CancellationToken.None);
        }, options.Repeats);
        yield return new Measurement("ratios", $"XaiLab training loop, 1 epoch of {samples}", architecture.ToString(), size, loop, "s", load, loopCpu);

        var batches = Enumerable.Range(0, (samples + batchSize - 1) / batchSize).Select(b =>
        {
            var indices = Enumerable.Range(b * batchSize, Math.Min(batchSize, samples - b * batchSize)).ToArray();
            return (Inputs: SampleBatches.Inputs(source, indices, 1, size, CPU), Labels: SampleBatches.Labels(source, indices, 3, CPU));
        }).ToList();
        load = Timing.LoadAverage();
        var stepSeconds = new List<double>();
        var (bare, bareCpu) = Timing.Median(() =>
        {
            manual_seed(1);
            using var model = ModelFactory.Create(spec);
            model.train();
            using var optimizer = optim.AdamW(model.parameters(), 1e-3, weight_decay: 1e-4);
            foreach (var (inputs, labels) in batches)
            {
                var clock = Stopwatch.StartNew();
                using var scope = NewDisposeScope();
                optimizer.zero_grad();
                var loss = nn.functional.cross_entropy(model.forward(inputs), labels);
                loss.backward();
                optimizer.step();
                _ = loss.item<float>();
                stepSeconds.Add(clock.Elapsed.TotalSeconds);
            }
        }, options.Repeats);
        yield return new Measurement("ratios", $"bare TorchSharp loop, same {batches.Count} batches", architecture.ToString(), size, bare, "s", load, bareCpu);
        yield return new Measurement("ratios", "training loop / bare TorchSharp loop", architecture.ToString(), size, loop / bare, "ratio", load);

        load = Timing.LoadAverage();
        var (loading, _) = Timing.Median(() =>
        {
            for (var start = 0; start < samples; start += batchSize)
            {
                var indices = Enumerable.Range(start, Math.Min(batchSize, samples - start)).ToArray();
                using var scope = NewDisposeScope();
                SampleBatches.Inputs(source, indices, 1, size, CPU);
                SampleBatches.Labels(source, indices, 3, CPU);
            }
        }, options.Repeats);
        var step = stepSeconds.Order().ElementAt(stepSeconds.Count / 2);
        var perBatch = loading / batches.Count;
        yield return new Measurement("ratios", "data loading per batch (in-memory source)", architecture.ToString(), size, perBatch, "s", load);
        yield return new Measurement("ratios", "data loading / training step", architecture.ToString(), size, perBatch / step, "ratio", load);

        // What training reads in the application: the dataset's pre-resized float32 cache file, memory-mapped, normalised
        // per plane on demand (CachedSampleSource), for the same batches and for a batch of 32 at 224 px.
        foreach (var (cacheSize, cacheBatch) in new[] { (size, batchSize), (options.Smoke ? 32 : 224, 32) })
        {
            var path = Path.Combine(Path.GetTempPath(), $"xailab-bench-cache-{Guid.NewGuid():N}.bin");
            try
            {
                var planes = Enumerable.Range(0, samples).Select(i => (SliceId: i + 1,
                    Plane: Enumerable.Range(0, cacheSize * cacheSize).Select(p => (float)((p * 31 + i) % 97) / 97).ToArray()));
                ResizedSliceCache.Write(path, cacheSize, samples, planes);
                using var cache = ResizedSliceCache.Open(path);
                var preprocessor = new SlicePreprocessor(new PreprocessingOptions(cacheSize, 1, new NormalizationStats(0.5, 0.25)));
                var cached = new CachedSampleSource(cache, Enumerable.Range(0, samples).ToList(),
                    Enumerable.Range(0, samples).Select(i => i % 3).ToList(), preprocessor);
                load = Timing.LoadAverage();
                var (cachedLoading, _) = Timing.Median(() =>
                {
                    for (var start = 0; start < samples; start += cacheBatch)
                    {
                        var indices = Enumerable.Range(start, Math.Min(cacheBatch, samples - start)).ToArray();
                        using var scope = NewDisposeScope();
                        SampleBatches.Inputs(cached, indices, 1, cacheSize, CPU);
                        SampleBatches.Labels(cached, indices, 3, CPU);
                    }
                }, options.Repeats);
                var cachedPerBatch = cachedLoading / ((samples + cacheBatch - 1) / cacheBatch);
                yield return new Measurement("ratios", $"data loading per batch of {cacheBatch} (cached source)", architecture.ToString(), cacheSize, cachedPerBatch, "s", load);
                if (cacheSize == size)
                {
                    yield return new Measurement("ratios", "data loading (cached source) / training step", architecture.ToString(), size, cachedPerBatch / step, "ratio", load);
                }
            }
            finally
            {
                File.Delete(path);
            }
        }
        foreach (var (inputs, labels) in batches)
        {
            inputs.Dispose();
            labels.Dispose();
        }
    }

    private sealed class SilentObserver : ITrainingObserver
    {
        public void OnBatch(BatchProgress progress) { }

        public void OnEpoch(EpochResult result) { }

        public void OnCheckpoint(int epoch, byte[] checkpoint) { }
    }
}
