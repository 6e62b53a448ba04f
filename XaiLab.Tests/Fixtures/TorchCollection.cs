namespace XaiLab.Tests.Fixtures;

/// <summary>
/// Tests that run TorchSharp models share this collection so they run one at a time on the two build cores, with
/// libtorch limited to two threads. It also runs apart from every other collection: torch's random generator is global
/// to the process, and a web host's training job seeding or drawing from it in parallel breaks the seeded
/// reproducibility these tests assert (seen once: a resumed epoch's loss differed from the uninterrupted one's).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchCollection : ICollectionFixture<TorchThreads>
{
    public const string Name = "Torch";
}
