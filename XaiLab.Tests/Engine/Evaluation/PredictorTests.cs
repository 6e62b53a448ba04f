using TorchSharp;
using XaiLab.Engine.Evaluation;
using XaiLab.Engine.Models;
using XaiLab.Engine.Training;
using XaiLab.Tests.Fixtures;

namespace XaiLab.Tests.Engine.Evaluation;

[Collection(TorchCollection.Name)]
public class PredictorTests
{
    [Fact]
    public void Predict_GivesProbabilitiesIndependentOfBatchSizeAndRestoresTrainMode()
    {
        torch.manual_seed(8);
        using var model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: 16));
        var random = new Random(1);
        var source = new InMemorySampleSource(
            Enumerable.Range(0, 5).Select(_ => Enumerable.Range(0, 256).Select(_ => (float)random.NextDouble()).ToArray()).ToList(),
            [0, 1, 2, 0, 1]);
        model.train();

        var whole = Predictor.Predict(model, source, 8, torch.CPU);
        var split = Predictor.Predict(model, source, 2, torch.CPU);

        Assert.Equal(5, whole.Length);
        Assert.All(whole, row => Assert.Equal(1f, row.Sum(), 5));
        for (var i = 0; i < whole.Length; i++)
        {
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(whole[i][k], split[i][k], 5);
            }
        }
        Assert.True(model.training);
    }

    [Fact]
    public void Predict_RejectsSamplesOfTheWrongSize()
    {
        using var model = ModelFactory.Create(new ModelSpec(Architecture.SmallCnn, InputSize: 16));
        var source = new InMemorySampleSource([new float[10]], [0]);

        Assert.Throws<ArgumentException>(() => Predictor.Predict(model, source, 4, torch.CPU));
    }
}
