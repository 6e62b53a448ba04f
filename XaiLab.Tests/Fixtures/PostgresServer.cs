using Npgsql;

namespace XaiLab.Tests.Fixtures;

/// <summary>
/// The PostgreSQL server the tests use, one per test process: the one named by XAILAB_TEST_POSTGRES (scripts/test.sh
/// starts a private cluster and sets it), else a private cluster started here on first use and stopped when the process
/// exits. Without either a test that needs PostgreSQL fails with how to get one; it never passes silently.
/// Each test takes a database of its own (<see cref="CreateDatabase"/>).
/// </summary>
public static class PostgresServer
{
    public const string EnvironmentVariable = "XAILAB_TEST_POSTGRES";
    private static readonly Lazy<string> Server = new(Connect);

    /// <summary>Connection string of the server's maintenance database.</summary>
    public static string ConnectionString => Server.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static string CreateDatabase()
    {
        var name = $"xailab_test_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            command.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    /// <summary>Drops a database of <see cref="CreateDatabase"/>, closing whatever still uses it.</summary>
    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    private static string Connect()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var cluster = PostgresCluster.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster.ConnectionString;
    }
}
