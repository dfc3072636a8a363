using PoleKnowledge.Extensions.Structures;

namespace PoleKnowledge.Extensions.Tests.Structures;

public sealed class SiretValidatorTests
{
    [Theory]
    [InlineData("73282932000074", "73282932000074")]       // a valid Luhn SIRET
    [InlineData("732 829 320 00074", "73282932000074")]    // spaces tolerated
    [InlineData("356 000 000 00048", "35600000000048")]    // La Poste head office: Luhn
    [InlineData("35600000000001", "35600000000001")]       // a La Poste establishment: digit sum 15, Luhn would refuse it
    public void Normalize_ValidSiret_ReturnsFourteenDigits(string input, string expected)
    {
        Assert.Equal(expected, SiretValidator.Normalize(input, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("73282932000075", "check digit")]
    [InlineData("7328293200007", "14 digits")]
    [InlineData("7328293200007A", "14 digits")]
    [InlineData("35600000000049", "check digit")]
    public void Normalize_InvalidSiret_ExplainsWhy(string input, string expected)
    {
        Assert.Null(SiretValidator.Normalize(input, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("732829320", true)]
    [InlineData("732829321", false)]
    public void IsLuhnValid_Siren(string digits, bool valid) => Assert.Equal(valid, SiretValidator.IsLuhnValid(digits));
}
