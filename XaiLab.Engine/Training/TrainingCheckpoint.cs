using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace XaiLab.Engine.Training;

/// <summary>
/// Everything needed to continue training after <paramref name="Epoch"/>: the model's state dict and the optimiser's
/// state (TorchSharp formats), the optimiser kind and the seed. Serialised as "XLCK", a format version, a JSON header
/// and the two state blobs.
/// </summary>
/// <param name="Epoch">Epochs completed, 1-based (training resumes at Epoch + 1).</param>
/// <param name="ModelState">TorchSharp <c>Module.save</c> output.</param>
/// <param name="OptimizerState">TorchSharp <c>save_state_dict</c> output of the optimiser.</param>
/// <param name="Optimizer">The optimiser that produced <paramref name="OptimizerState"/>.</param>
/// <param name="Seed">The training seed; a resumed run must use the same one.</param>
/// <param name="BestValidationLoss">Early stopping's best validation loss so far; null without early stopping.</param>
/// <param name="EpochsWithoutImprovement">Early stopping's count of epochs since the best.</param>
/// <param name="StoppedEarly">True when early stopping ended training at <paramref name="Epoch"/>: nothing is left to train.</param>
public sealed record TrainingCheckpoint(
    int Epoch,
    byte[] ModelState,
    byte[] OptimizerState,
    OptimizerKind Optimizer,
    int Seed,
    double? BestValidationLoss = null,
    int EpochsWithoutImprovement = 0,
    bool StoppedEarly = false)
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "XLCK"u8.ToArray();

    /// <summary>Serialises the checkpoint into one byte array.</summary>
    public byte[] ToBytes()
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(new Header(
            Epoch, Optimizer.ToString(), Seed, ModelState.Length, OptimizerState.Length,
            BestValidationLoss, EpochsWithoutImprovement, StoppedEarly));
        using var output = new MemoryStream();
        output.Write(Magic);
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(word, FormatVersion);
        output.Write(word);
        BinaryPrimitives.WriteInt32LittleEndian(word, header.Length);
        output.Write(word);
        output.Write(header);
        output.Write(ModelState);
        output.Write(OptimizerState);
        return output.ToArray();
    }

    /// <summary>Reads a checkpoint written by <see cref="ToBytes"/>.</summary>
    public static TrainingCheckpoint FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var data = bytes.AsSpan();
        if (data.Length < 12 || !data[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not an XaiLab training checkpoint.");
        }
        var version = BinaryPrimitives.ReadInt32LittleEndian(data[4..]);
        if (version != FormatVersion)
        {
            throw new InvalidDataException($"Unsupported checkpoint format version {version}.");
        }
        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(data[8..]);
        var header = JsonSerializer.Deserialize<Header>(data.Slice(12, headerLength))
            ?? throw new InvalidDataException("Checkpoint header is empty.");
        var offset = 12 + headerLength;
        if (header.ModelBytes < 0 || header.OptimizerBytes < 0 || offset + header.ModelBytes + header.OptimizerBytes != data.Length)
        {
            throw new InvalidDataException("Checkpoint length does not match its header.");
        }
        return new TrainingCheckpoint(
            header.Epoch,
            data.Slice(offset, header.ModelBytes).ToArray(),
            data.Slice(offset + header.ModelBytes, header.OptimizerBytes).ToArray(),
            Enum.Parse<OptimizerKind>(header.Optimizer),
            header.Seed,
            header.BestValidationLoss,
            header.EpochsWithoutImprovement,
            header.StoppedEarly);
    }

    /// <summary>Writes <see cref="ToBytes"/> to a file.</summary>
    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    /// <summary>Reads a checkpoint file.</summary>
    public static TrainingCheckpoint Load(string path) => FromBytes(File.ReadAllBytes(path));

    // Fields after OptimizerBytes were added later; headers without them read as their defaults.
    private sealed record Header(int Epoch, string Optimizer, int Seed, int ModelBytes, int OptimizerBytes,
        double? BestValidationLoss = null, int EpochsWithoutImprovement = 0, bool StoppedEarly = false);
}
