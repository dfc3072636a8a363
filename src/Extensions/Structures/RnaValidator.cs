using System.Text.RegularExpressions;

namespace PoleKnowledge.Extensions.Structures;

/// <summary>
/// Numbers of the Répertoire national des associations: <c>W</c> + 9 characters (digits and upper-case
/// letters, e.g. <c>W353001234</c>, <c>W2A1000123</c> for Corsica), or the older prefecture file number
/// (<c>0353/012345</c>). Letters must be upper case, as the register writes them; spaces around are tolerated.
/// </summary>
public static partial class RnaValidator
{
    public static string? Normalize(string input, out string? error)
    {
        var value = input.Trim();
        if (RnaPattern().IsMatch(value) || OldPattern().IsMatch(value))
        {
            error = null;
            return value;
        }
        error = value.Length > 0 && (value[0] == 'w' || value.Any(char.IsAsciiLetterLower))
            ? "Le numéro RNA s'écrit en majuscules (ex. W353001234)."
            : "Le numéro RNA doit être de la forme W353001234 (ou, pour un ancien numéro, 0353/012345).";
        return null;
    }

    [GeneratedRegex("^W[0-9A-Z]{9}$")]
    private static partial Regex RnaPattern();

    [GeneratedRegex("^[0-9]{4}/[0-9]{3,6}$")]
    private static partial Regex OldPattern();
}
