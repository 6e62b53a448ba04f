using TorchSharp;
using XaiLab.Engine.Attribution;
using XaiLab.Engine.Embeddings;
using XaiLab.Engine.Evaluation;
using XaiLab.Engine.Evaluation.Saliency;
using XaiLab.Engine.Models;
using XaiLab.Engine.Models.Weights;
using XaiLab.Engine.Runtime;
using XaiLab.Engine.Training;
using static TorchSharp.torch;

namespace XaiLab.Engine.Networks;

/// <summary>
/// The façade in front of TorchSharp for the application: one classifier network on its device, with plain arrays in
/// and out — train, predict, embed, explain, score, randomise, export. Callers never see a tensor or a module; inputs are
/// preprocessed planes <c>[C * H * W]</c> exactly as training feeds them. Not thread-safe: one caller at a time, tensors
/// live on the calling thread.
/// </summary>
public sealed class Network : IDisposable
{
    private readonly ClassifierModel model;
    private readonly Device device;
    private ClassifierProbe? probe;

    private Network(NetworkSpec spec, ClassifierModel model, Device device)
    {
        Spec = spec;
        this.model = model;
        this.device = device;
    }

    /// <summary>What this network was built from.</summary>
    public NetworkSpec Spec { get; }

    /// <summary>"cpu" or "cuda": where it computes.</summary>
    public string DeviceName => device.type.ToString().ToLowerInvariant();

    /// <summary>Layers that own parameters (the units of <see cref="Randomise"/>).</summary>
    public int ParameterisedLayerCount => model.named_modules().Count(m => m.module.named_parameters(recurse: false).Any());

    /// <summary>The network with initial weights drawn after <c>torch.manual_seed(spec.Seed)</c>.</summary>
    public static Network CreateInitial(NetworkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var device = TorchRuntime.Resolve(spec.Device);
        manual_seed(spec.Seed);
        var model = ModelFactory.Create(spec.ToModelSpec());
        model.to(device);
        return new Network(spec, model, device);
    }

    /// <summary>The network with the weights of a checkpoint's model state (<see cref="TrainingCheckpoint.ModelState"/>).</summary>
    public static Network CreateTrained(NetworkSpec spec, byte[] modelState)
    {
        var network = CreateInitial(spec);
        try
        {
            network.LoadState(modelState);
            return network;
        }
        catch
        {
            network.Dispose();
            throw;
        }
    }

    /// <summary>Replaces the weights with a checkpoint's model state.</summary>
    public void LoadState(byte[] modelState)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        using var reader = new BinaryReader(new MemoryStream(modelState));
        model.load(reader);
        model.to(device);
    }

    /// <summary>The weights as a model state, the form checkpoints hold (<see cref="TrainingCheckpoint.ModelState"/>).</summary>
    public byte[] SaveState()
    {
        using var content = new MemoryStream();
        using (var writer = new BinaryWriter(content, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            model.save(writer);
        }
        return content.ToArray();
    }

    /// <summary>Trains in place (<see cref="Trainer.Train"/>), resuming from <paramref name="resumeFrom"/> when given.</summary>
    public TrainingOutcome Train(ISampleSource train, ISampleSource? validation, TrainingOptions options, ITrainingObserver observer,
        CancellationToken cancellationToken, TrainingCheckpoint? resumeFrom = null)
    {
        var outcome = new Trainer().Train(model, train, validation, options, observer, cancellationToken, resumeFrom);
        model.to(device);
        return outcome;
    }

    /// <summary>Softmax probabilities <c>[sample][class]</c> of every sample of <paramref name="source"/>.</summary>
    public float[][] Predict(ISampleSource source, int batchSize) => Predictor.Predict(model, source, batchSize, device);

    /// <summary>The penultimate (embedding) vector of every input, one row per input.</summary>
    public FeatureMatrix Embed(IReadOnlyList<float[]> inputs, int batchSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        model.to(device);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            var size = Spec.ImageSize;
            var values = new List<float>();
            var columns = 0;
            for (var start = 0; start < inputs.Count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(batchSize, inputs.Count - start);
                using var scope = NewDisposeScope();
                var buffer = new float[count * Spec.Channels * size * size];
                for (var i = 0; i < count; i++)
                {
                    inputs[start + i].CopyTo(buffer, i * Spec.Channels * size * size);
                }
                var x = tensor(buffer, [count, Spec.Channels, size, size], device: device);
                var features = model.Embed(model.ForwardFeatureMap(x)).cpu();
                columns = (int)features.shape[1];
                values.AddRange(features.data<float>().ToArray());
            }
            return new FeatureMatrix(values.ToArray(), inputs.Count, columns);
        }
        finally
        {
            if (wasTraining)
            {
                model.train();
            }
        }
    }

    /// <summary>The map [C, H, W] of <paramref name="method"/> (an API name, <see cref="AttributionMethods"/>) for one input and class.</summary>
    public AttributionMap Explain(string method, AttributionOptions options, float[] input, int target, CancellationToken cancellationToken = default)
    {
        using var x = Input(input);
        return AttributionMethods.Create(method, options).Explain(Probe(), x, target, cancellationToken: cancellationToken);
    }

    /// <summary>The explained output (class probability) of <paramref name="target"/> for each input (faithfulness curves).</summary>
    public double[] Score(IReadOnlyList<float[]> inputs, int target) =>
        new ProbeImageScorer(Probe(), target, Spec.Channels, Spec.ImageSize, Spec.ImageSize, device).Score(inputs);

    /// <summary>
    /// The cascading randomisation test of one method on one input (<see cref="CascadingRandomisation"/>): parameterised
    /// layers re-initialised from the output down, in at most <paramref name="maxSteps"/> even groups; the weights are
    /// restored afterwards.
    /// </summary>
    public IReadOnlyList<RandomisationStep> Randomise(string method, AttributionOptions options, float[] input, int target,
        int maxSteps, long seed, CancellationToken cancellationToken = default)
    {
        var cascade = new CascadingRandomisation
        {
            Seed = seed,
            LayersPerStep = Math.Max(1, (int)Math.Ceiling(ParameterisedLayerCount / (double)Math.Max(1, maxSteps))),
        };
        using var x = Input(input);
        return cascade.Run(model, Probe(), AttributionMethods.Create(method, options), x, target, cancellationToken);
    }

    /// <summary>The weights as a PyTorch state dict in <paramref name="format"/> with <paramref name="naming"/>'s names;
    /// a safetensors file carries <paramref name="metadata"/> in its header (<see cref="StateDictExchange"/>).</summary>
    public byte[] ExportStateDict(WeightFormat format, StateDictNaming naming, IReadOnlyDictionary<string, string>? metadata = null)
    {
        using var content = new MemoryStream();
        StateDictExchange.Export(model, content, format, naming, metadata);
        return content.ToArray();
    }

    public void Dispose() => model.Dispose();

    private ClassifierProbe Probe() => probe ??= new ClassifierProbe(model, ExplainedOutput.Probability, device);

    private Tensor Input(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var expected = Spec.Channels * Spec.ImageSize * Spec.ImageSize;
        if (input.Length != expected)
        {
            throw new ArgumentException($"The input has {input.Length} values; this network takes {expected} ({Spec.Channels} x {Spec.ImageSize} x {Spec.ImageSize}).", nameof(input));
        }
        return tensor(input, [Spec.Channels, Spec.ImageSize, (long)Spec.ImageSize], device: device);
    }
}
