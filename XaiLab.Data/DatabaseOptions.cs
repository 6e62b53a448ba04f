namespace XaiLab.Data;

/// <summary>Which database XaiLab uses and how it reaches it. Bound from the configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>Name of the connection string in "ConnectionStrings" used when <see cref="ConnectionString"/> is empty.</summary>
    public const string ConnectionStringName = "XaiLab";

    /// <summary>Sqlite (default) or Postgres. Environment variable: Database__Provider.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// Connection string of the application database. Default: ConnectionStrings:XaiLab; for SQLite, when both are
    /// empty, the file xailab.db in XaiLab:DataDirectory. Postgres needs one, e.g.
    /// "Host=db;Port=5432;Database=xailab;Username=xailab;Password=...". Hangfire keeps its tables in the same
    /// PostgreSQL database (schema "hangfire"); on SQLite it uses hangfire.db beside xailab.db.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Postgres only: how often a command that failed because the server was unreachable is tried again before the
    /// error reaches the caller. Default 12, with waits growing up to <see cref="MaxRetryDelaySeconds"/>: about two
    /// minutes of outage are ridden out by every query, and jobs wait longer at their own checkpoints.
    /// </summary>
    public int MaxRetryCount { get; set; } = 12;

    /// <summary>Postgres only: the longest wait between two tries of a failed command. Default 15 s.</summary>
    public double MaxRetryDelaySeconds { get; set; } = 15;

    /// <summary>SQLite only: how long a writer waits for another connection's write lock before failing. Default 10 s.</summary>
    public int SqliteBusyTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>The configured connection string, resolved against ConnectionStrings:XaiLab and the SQLite default.</summary>
    public string ResolveConnectionString(string? namedConnectionString, string dataDirectory) =>
        !string.IsNullOrWhiteSpace(ConnectionString) ? ConnectionString
        : !string.IsNullOrWhiteSpace(namedConnectionString) ? namedConnectionString
        : Provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(dataDirectory, "xailab.db")};Cache=Shared;Pooling=True"
        : throw new InvalidOperationException(
            "Database:Provider is Postgres but no connection string is set: set Database:ConnectionString or ConnectionStrings:XaiLab.");
}
