namespace PoleKnowledge.Cms.Hosting;

/// <summary>
/// How a feature plugs into the engine (the way an Umbraco package composes): one call that adds
/// services, property editors and feed subscribers to the <see cref="HubBuilder"/>. Extensions are
/// listed explicitly by the host, in order — no assembly scanning.
/// </summary>
public interface IHubExtension
{
    void Register(HubBuilder builder);
}
