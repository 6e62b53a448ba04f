namespace XaiLab.Tests.Fixtures;

/// <summary>
/// Trait of the in-process app tests that scripts/test.sh runs a second time on PostgreSQL
/// (XAILAB_TEST_PROVIDER=Postgres, filter "Databases=Both"); the first pass runs them on SQLite.
/// </summary>
public static class DatabaseTraits
{
    public const string Name = "Databases";
    public const string Both = "Both";
}
