namespace PoleKnowledge.Cms.Hosting;

/// <summary>
/// Where the hub keeps its state (configuration section <c>PoleKnowledge</c>). Everything — database
/// file, media, index, cache snapshot, mail pickup — lives under <see cref="DataPath"/>.
/// </summary>
public sealed class HubOptions
{
    public const string Section = "PoleKnowledge";

    /// <summary>The data folder; relative paths are under the content root. Default <c>App_Data</c>.</summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string DatabaseProvider { get; set; } = "Sqlite";

    /// <summary>Connection string; for SQLite the default is <c>hub.db</c> in the data folder.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>The schema folder; default <c>content-schema</c> found upward from the content root.</summary>
    public string? SchemaPath { get; set; }

    /// <summary>How often the change feed is polled where no notification channel exists (SQLite).</summary>
    public TimeSpan FeedPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How often due scheduled publishing runs.</summary>
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest Markdown body or text value accepted on write, in characters.</summary>
    public int MaxBodyCharacters { get; set; } = 1_000_000;

    /// <summary>Import the demo content of <c>content-schema/demo</c> on the first start.</summary>
    public bool ImportDemoContent { get; set; } = true;

    /// <summary>E-mail of the administrator created on the first start (a password is generated and printed once).</summary>
    public string? AdminEmail { get; set; }

    public bool IsPostgres => string.Equals(DatabaseProvider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(DatabaseProvider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);

    public string ResolveDataPath(string contentRoot) => Path.GetFullPath(Path.Combine(contentRoot, DataPath));
}
