namespace XaiLab.Tests.Fixtures;

/// <summary>
/// Tests that run TorchSharp models share this collection so they run one at a time on the two build cores, with
/// libtorch limited to two threads.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchCollection : ICollectionFixture<TorchThreads>
{
    public const string Name = "Torch";
}
