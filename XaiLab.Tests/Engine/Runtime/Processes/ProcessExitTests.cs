using XaiLab.Engine.Runtime.Processes;

namespace XaiLab.Tests.Engine.Runtime.Processes;

public sealed class ProcessExitTests
{
    [Theory]
    [InlineData(137, "was killed by SIGKILL (signal 9)")]
    [InlineData(136, "was killed by SIGFPE (signal 8)")]
    [InlineData(134, "was killed by SIGABRT (signal 6)")]
    [InlineData(3, "exited with code 3")]
    [InlineData(0, "exited with code 0")]
    public void Describe_SaysWhichSignalOrCode(int exitCode, string expected) => Assert.Equal(expected, ProcessExit.Describe(exitCode));

    [Fact]
    public void Hint_ForSigkill_TalksAboutMemory() => Assert.Contains("out of memory", ProcessExit.Hint(137));
}
