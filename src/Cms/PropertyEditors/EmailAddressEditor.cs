using System.Text.RegularExpressions;

namespace PoleKnowledge.Cms.PropertyEditors;

/// <summary><c>Umbraco.EmailAddress</c>: one address, stored trimmed and as typed.</summary>
internal sealed partial class EmailAddressEditor : TextEditorBase
{
    public override string Alias => "Umbraco.EmailAddress";

    // RFC 5321 limits a path to 254 characters.
    protected override int DefaultMaxChars => 254;

    protected override string[] ConfigKeys => [];

    protected override PropertyValueResult Check(string text)
    {
        var trimmed = text.Trim();
        return EmailPattern().IsMatch(trimmed)
            ? base.Check(trimmed)
            : PropertyValueResult.Fail($"Expected an email address such as 'contact@example.org', got {EditorInput.Quote(trimmed)}.");
    }

    // Deliberately simple: one @, a dotted domain, no spaces. Full RFC 5322 accepts addresses no mail client sends to.
    [GeneratedRegex(@"^[^@\s""<>(),;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EmailPattern();
}
