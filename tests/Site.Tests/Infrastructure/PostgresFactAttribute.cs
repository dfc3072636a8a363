namespace PoleKnowledge.Site.Tests.Infrastructure;

/// <summary>
/// A test that runs on PostgreSQL. Skipped when <c>POLE_TEST_POSTGRES</c> (a connection string to a role
/// that may create databases) is not set — except when <c>REQUIRE_POSTGRES=1</c>, where it runs and fails.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.PostgresConnectionString is null && !TestEnvironment.PostgresRequired)
        {
            Skip = "PostgreSQL not configured: set POLE_TEST_POSTGRES to a connection string (REQUIRE_POSTGRES=1 makes this a failure).";
        }
    }
}
