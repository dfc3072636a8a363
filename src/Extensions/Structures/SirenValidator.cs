namespace PoleKnowledge.Extensions.Structures;

/// <summary>SIREN numbers (9 digits, the company part of a SIRET): spaces tolerated, Luhn checksum.</summary>
public static class SirenValidator
{
    /// <summary>The 9 digits without spaces, or null with the reason (French, shown to the person).</summary>
    public static string? Normalize(string input, out string? error)
    {
        var digits = new string(input.Where(c => !char.IsWhiteSpace(c)).ToArray());
        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            error = "Le SIREN doit comporter 9 chiffres (espaces facultatifs).";
            return null;
        }
        if (!SiretValidator.IsLuhnValid(digits))
        {
            error = "Ce SIREN n'est pas valide : sa clé de contrôle ne correspond pas (Luhn).";
            return null;
        }
        error = null;
        return digits;
    }
}
