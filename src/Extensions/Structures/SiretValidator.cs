namespace PoleKnowledge.Extensions.Structures;

/// <summary>
/// SIRET numbers (14 digits: SIREN + NIC) as INSEE issues them: spaces tolerated, Luhn checksum — except
/// for La Poste (SIREN 356 000 000), whose many establishments' SIRETs instead have a digit sum divisible by 5.
/// </summary>
public static class SiretValidator
{
    private const string LaPosteSiren = "356000000";

    /// <summary>The 14 digits without spaces, or null with the reason it is not a SIRET.</summary>
    public static string? Normalize(string input, out string? error)
    {
        var digits = new string(input.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray());
        if (digits.Length != 14 || !digits.All(char.IsAsciiDigit))
        {
            error = $"A SIRET has 14 digits (spaces allowed); '{Shorten(input)}' has {digits.Count(char.IsAsciiDigit)} digits{(digits.All(char.IsAsciiDigit) ? "" : " and other characters")}.";
            return null;
        }
        // La Poste's head office passes Luhn; its other establishments only pass the digit-sum rule.
        var valid = IsLuhnValid(digits) || (digits.StartsWith(LaPosteSiren, StringComparison.Ordinal) && digits.Sum(c => c - '0') % 5 == 0);
        error = valid ? null : $"'{Shorten(input)}' is not a valid SIRET: its check digit does not match (Luhn).";
        return valid ? digits : null;
    }

    public static bool IsLuhnValid(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
