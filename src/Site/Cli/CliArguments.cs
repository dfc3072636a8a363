namespace PoleKnowledge.Site.Cli;

/// <summary>Verb arguments: positional values, <c>--name value</c> options, and configuration overrides (<c>--Section:Key=value</c>) passed on to the host.</summary>
internal sealed class CliArguments
{
    public List<string> Positional { get; } = [];
    public Dictionary<string, string> Named { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<string> HostArgs { get; } = [];

    public static CliArguments Parse(string[] args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && (arg.Contains(':', StringComparison.Ordinal) || arg.Contains('=', StringComparison.Ordinal)))
            {
                result.HostArgs.Add(arg);
                if (!arg.Contains('=', StringComparison.Ordinal) && i + 1 < args.Length)
                {
                    result.HostArgs.Add(args[++i]);
                }
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                result.Named[arg[2..]] = args[++i];
            }
            else
            {
                result.Positional.Add(arg);
            }
        }
        return result;
    }
}
