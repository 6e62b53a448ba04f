namespace XaiLab.Data;

/// <summary>The database engine behind <see cref="XaiLabDbContext"/> (configuration key Database:Provider).</summary>
public enum DatabaseProvider
{
    /// <summary>Embedded SQLite file in the data directory: one machine, nothing to install. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by a web node and worker nodes.</summary>
    Postgres,
}
