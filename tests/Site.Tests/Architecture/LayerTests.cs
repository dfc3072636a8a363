using System.Reflection;
using System.Text.RegularExpressions;

namespace PoleKnowledge.Site.Tests.Architecture;

/// <summary>Dependencies point one way (Site → Extensions → Cms) and the engine's domain folders stay free of infrastructure.</summary>
public sealed partial class LayerTests
{
    private static string[] References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).ToArray();

    [Fact]
    public void Cms_ReferencesNeitherExtensionsNorSite()
    {
        var references = References("PoleKnowledge.Cms");
        Assert.DoesNotContain("PoleKnowledge.Extensions", references);
        Assert.DoesNotContain("PoleKnowledge.Site", references);
    }

    [Fact]
    public void Extensions_ReferencesCmsButNotSite()
    {
        var references = References("PoleKnowledge.Extensions");
        Assert.Contains("PoleKnowledge.Cms", references);
        Assert.DoesNotContain("PoleKnowledge.Site", references);
    }

    [Fact]
    public void Site_ReferencesExtensions()
    {
        Assert.Contains("PoleKnowledge.Extensions", References("PoleKnowledge.Site"));
    }

    [Theory]
    [InlineData("src/Cms/Content")]
    [InlineData("src/Cms/Schema")]
    public void DomainFolders_UseNoInfrastructureNamespaces(string folder)
    {
        var root = Path.GetFullPath(Path.Combine(PoleKnowledge.Site.Tests.Infrastructure.CliServices.SiteContentRoot(), "..", ".."));
        var offenders = Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
            .Where(file => InfrastructureUsing().IsMatch(File.ReadAllText(file)))
            .Select(file => Path.GetRelativePath(root, file))
            .ToList();
        Assert.Empty(offenders);
    }

    [GeneratedRegex(@"^\s*using\s+(Microsoft\.EntityFrameworkCore|Microsoft\.AspNetCore|Lucene|SixLabors|Npgsql)", RegexOptions.Multiline)]
    private static partial Regex InfrastructureUsing();
}
