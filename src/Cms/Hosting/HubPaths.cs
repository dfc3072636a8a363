namespace PoleKnowledge.Cms.Hosting;

/// <summary>The resolved folders of the data path (created on first use).</summary>
public sealed class HubPaths
{
    public HubPaths(string dataPath, string schemaPath)
    {
        DataPath = Path.GetFullPath(dataPath);
        SchemaPath = Path.GetFullPath(schemaPath);
    }

    public string DataPath { get; }
    public string SchemaPath { get; }
    public string DatabaseFile => Path.Combine(DataPath, "hub.db");
    public string MediaPath => Path.Combine(DataPath, "media");
    public string IndexPath => Path.Combine(DataPath, "index");
    public string CachePath => Path.Combine(DataPath, "cache");
    public string MailPath => Path.Combine(DataPath, "mail");
    public string KeysPath => Path.Combine(DataPath, "keys");

    public void EnsureCreated()
    {
        foreach (var folder in new[] { DataPath, MediaPath, IndexPath, CachePath, MailPath, KeysPath })
        {
            Directory.CreateDirectory(folder);
        }
    }
}
