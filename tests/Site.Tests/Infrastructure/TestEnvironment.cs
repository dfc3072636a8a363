using Npgsql;

namespace PoleKnowledge.Site.Tests.Infrastructure;

/// <summary>What the environment offers the tests (PostgreSQL), and the isolated databases made from it.</summary>
public static class TestEnvironment
{
    public static string? PostgresConnectionString => Environment.GetEnvironmentVariable("POLE_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("REQUIRE_POSTGRES") == "1";

    /// <summary>A connection string to a new, uniquely named database (created by the first migration).</summary>
    public static string NewPostgresDatabase()
    {
        var baseString = PostgresConnectionString ?? throw new InvalidOperationException("REQUIRE_POSTGRES=1 but POLE_TEST_POSTGRES is not set: PostgreSQL tests cannot run.");
        var builder = new NpgsqlConnectionStringBuilder(baseString) { Database = "pk_test_" + Guid.NewGuid().ToString("N")[..16] };
        return builder.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="NewPostgresDatabase"/>.</summary>
    public static void DropPostgresDatabase(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var database = builder.Database!;
        builder.Database = "postgres";
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)";
        command.ExecuteNonQuery();
    }
}
