namespace XaiLab.Engine.Runtime.Cpu;

/// <summary>How one probe child process ended.</summary>
/// <param name="Passed">It ran every step and exited with <see cref="OneDnnProbe.Passed"/>.</param>
/// <param name="Description">e.g. "exited with code 0", "killed by SIGFPE (signal 8)", "timed out after 120 s".</param>
public sealed record ProbeOutcome(bool Passed, string Description);
