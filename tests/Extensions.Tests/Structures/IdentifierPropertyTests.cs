using CsCheck;
using PoleKnowledge.Extensions.Structures;

namespace PoleKnowledge.Extensions.Tests.Structures;

/// <summary>Properties of the SIRET, SIREN and RNA validators over thousands of generated numbers (CsCheck shrinks any counter-example).</summary>
public sealed class IdentifierPropertyTests
{
    private static readonly Gen<int[]> Digits8 = Gen.Int[0, 9].Array[8];
    private static readonly Gen<int[]> Digits13 = Gen.Int[0, 9].Array[13];

    /// <summary>The digit that makes <paramref name="body"/> + it pass Luhn.</summary>
    private static int CheckDigit(int[] body)
    {
        for (var d = 0; d <= 9; d++)
        {
            if (SiretValidator.IsLuhnValid(string.Concat(body) + d))
            {
                return d;
            }
        }
        throw new InvalidOperationException("Luhn always has a check digit.");
    }

    private static string WithCheck(int[] body) => string.Concat(body) + CheckDigit(body);

    [Fact]
    public void Siren_WithItsCheckDigit_IsValid() =>
        Digits8.Sample(body => Assert.Equal(WithCheck(body), SirenValidator.Normalize(WithCheck(body), out _)));

    [Fact]
    public void Siren_AnySingleDigitChanged_IsRefused() =>
        Gen.Select(Digits8, Gen.Int[0, 8], Gen.Int[1, 9]).Sample((body, position, delta) =>
        {
            var valid = WithCheck(body).ToCharArray();
            valid[position] = (char)('0' + (valid[position] - '0' + delta) % 10);
            Assert.Null(SirenValidator.Normalize(new string(valid), out var error));
            Assert.Contains("clé de contrôle", error, StringComparison.Ordinal);
        });

    [Fact]
    public void Siret_WithItsCheckDigit_IsValidWithOrWithoutSpaces() =>
        Gen.Select(Digits13, Gen.Int[1, 13]).Sample((body, cut) =>
        {
            var siret = WithCheck(body);
            var spaced = siret[..cut] + " " + siret[cut..];
            Assert.Equal(siret, SiretValidator.Normalize(siret, out _));
            Assert.Equal(siret, SiretValidator.Normalize(spaced, out _));
        });

    [Fact]
    public void Siret_AdjacentDigitsSwapped_IsRefused() =>
        Gen.Select(Digits13, Gen.Int[0, 12]).Where((body, i) =>
        {
            var s = WithCheck(body);
            // Luhn misses exactly the 09 ↔ 90 swap; La Poste numbers follow another rule.
            return s[i] != s[i + 1] && !(s[i] == '0' && s[i + 1] == '9') && !(s[i] == '9' && s[i + 1] == '0') && !s.StartsWith("356000000", StringComparison.Ordinal);
        }).Sample((body, i) =>
        {
            var swapped = WithCheck(body).ToCharArray();
            (swapped[i], swapped[i + 1]) = (swapped[i + 1], swapped[i]);
            Assert.Null(SiretValidator.Normalize(new string(swapped), out _));
        });

    [Fact]
    public void Siret_WrongLengthOrNonDigit_IsRefused() =>
        Gen.String[Gen.Char["0123456789AbZ#"], 0, 20].Where(s => s.Length != 14 || s.Any(c => !char.IsAsciiDigit(c))).Sample(s =>
            Assert.Null(SiretValidator.Normalize(s, out _)));

    [Fact]
    public void Siret_LaPosteEstablishments_FollowTheDigitSumRule() =>
        Gen.Int[0, 9].Array[5].Sample(nic =>
        {
            var siret = "356000000" + string.Concat(nic);
            var sumRule = siret.Sum(c => c - '0') % 5 == 0;
            Assert.Equal(sumRule || SiretValidator.IsLuhnValid(siret), SiretValidator.Normalize(siret, out _) is not null);
        });

    [Fact]
    public void Rna_WAndNineUpperCaseCharacters_IsValid() =>
        Gen.String[Gen.Char["0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"], 9, 9].Sample(tail =>
            Assert.Equal("W" + tail, RnaValidator.Normalize("W" + tail, out _)));

    [Fact]
    public void Rna_AnyLowerCaseLetter_IsRefusedAskingForUpperCase() =>
        Gen.Select(Gen.String[Gen.Char["0123456789ABCDEF"], 9, 9], Gen.Int[0, 9], Gen.Char["abcdefghijklmnopqrstuvwxyz"]).Sample((tail, position, lower) =>
        {
            var rna = ("W" + tail).ToCharArray();
            rna[position] = lower;
            Assert.Null(RnaValidator.Normalize(new string(rna), out var error));
            Assert.Contains("majuscules", error, StringComparison.Ordinal);
        });

    [Fact]
    public void Rna_WrongLength_IsRefused() =>
        Gen.String[Gen.Char["0123456789"], 0, 15].Where(s => s.Length != 9).Sample(tail =>
            Assert.Null(RnaValidator.Normalize("W" + tail, out _)));

    [Theory]
    [InlineData("0353/012345")]
    [InlineData(" W353001234 ")]
    [InlineData("W2A1000123")]
    public void Rna_KnownForms_AreValid(string rna) => Assert.NotNull(RnaValidator.Normalize(rna, out _));
}
