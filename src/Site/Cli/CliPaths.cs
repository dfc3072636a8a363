namespace PoleKnowledge.Site.Cli;

/// <summary>
/// Resolves folder arguments the way the user typed them. <c>dotnet run --project src/Site</c> runs the
/// program in src/Site, so a relative path must be taken from the shell's directory (<c>PWD</c>, which
/// the shell sets and child processes inherit), not from the process's working directory.
/// </summary>
internal static class CliPaths
{
    public static string Resolve(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return Path.GetFullPath(path);
        }
        var shell = Environment.GetEnvironmentVariable("PWD");
        var baseDirectory = shell is { Length: > 0 } && Directory.Exists(shell) ? shell : Environment.CurrentDirectory;
        return Path.GetFullPath(Path.Combine(baseDirectory, path));
    }
}
