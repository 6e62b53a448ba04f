using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace XaiLab.Data;

/// <summary>
/// Sets SQLite's per-connection settings on every connection XaiLab opens: write-ahead logging (readers never wait for
/// a writing job; persistent in the file, so a no-op after the first time), foreign keys enforced, and a busy timeout so
/// a second writer waits for the lock instead of failing with "database is locked".
/// </summary>
public sealed class SqlitePragmas(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    private string Pragmas => $"PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA synchronous=NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
