using static PoleKnowledge.Cms.Tests.TestSchema;

namespace PoleKnowledge.Cms.Tests.PropertyEditors;

/// <summary>TextBox, TextArea, Markdown and EmailAddress: strings with limits.</summary>
public sealed class TextEditorsTests
{
    [Theory]
    [InlineData("'  Bonjour  '", "'Bonjour'")]
    [InlineData("2024", "'2024'")]
    public void TextBox_Normalize_ValidValue_StoresTrimmedString(string given, string stored) =>
        Assert.Equal(J(stored), Stored("metaTitle", J(given)));

    [Theory]
    [InlineData(null)]
    [InlineData("''")]
    [InlineData("'   '")]
    [InlineData("[]")]
    public void TextBox_Normalize_EmptyValue_IsEmpty(string? given)
    {
        var result = Normalize("metaTitle", given is null ? null : J(given));

        Assert.True(result.IsValid);
        Assert.Null(result.Value);
    }

    [Fact]
    public void TextBox_Normalize_TooLong_SaysLimitAndLength() =>
        Assert.Contains("Expected at most 70 characters, got 71", Error("metaTitle", J("'" + new string('a', 71) + "'")), StringComparison.Ordinal);

    [Fact]
    public void TextBox_Normalize_Object_SaysTextExpected() =>
        Assert.Equal("Expected text, got an object: {\"a\":1}.", Error("metaTitle", "{\"a\":1}"));

    [Fact]
    public void TextBox_Normalize_LongBadValue_TruncatesIt() =>
        Assert.Contains("…", Error("metaTitle", "[" + string.Join(",", Enumerable.Repeat("\"xxxxxxxxxx\"", 20)) + "]"), StringComparison.Ordinal);

    [Fact]
    public void TextBox_Publish_WritesString() =>
        Assert.Equal("\"Économie & bénévolat\"", Publish("metaTitle", "\"Économie & bénévolat\""));

    [Fact]
    public void TextArea_Normalize_KeepsLinesWithUnixEndings() =>
        Assert.Equal(J("'a\\nb'"), Stored("summary", J("'a\\r\\nb'")));

    [Fact]
    public void TextArea_Normalize_OverConfiguredMax_Fails() =>
        Assert.Contains("at most 500", Error("summary", J("'" + new string('é', 501) + "'")), StringComparison.Ordinal);

    [Fact]
    public void Markdown_Publish_RendersHtml() =>
        Assert.Equal(J("'<p>hello <em>world</em></p>\\n'"), Publish("body", J("'hello *world*'")));

    [Fact]
    public void Markdown_GetIndexText_ReturnsTextWithoutMarkup()
    {
        var property = Property("body");
        using var document = System.Text.Json.JsonDocument.Parse(J("'# Titre\\n\\nDu **gras** et [un lien](https://example.org).'"));

        Assert.Equal("Titre Du gras et un lien.", property.Editor.GetIndexText(document.RootElement, property, Current));
    }

    [Theory]
    [InlineData("' contact@pole.example.org '", "'contact@pole.example.org'")]
    [InlineData("'prenom.nom+tag@mairie-rennes.fr'", "'prenom.nom+tag@mairie-rennes.fr'")]
    public void EmailAddress_Normalize_ValidAddress_StoresTrimmed(string given, string stored) =>
        Assert.Equal(J(stored), Stored("contactEmail", J(given)));

    [Theory]
    [InlineData("'contact'")]
    [InlineData("'contact@'")]
    [InlineData("'a b@example.org'")]
    [InlineData("'contact@example'")]
    public void EmailAddress_Normalize_BadAddress_Fails(string given) =>
        Assert.Contains("Expected an email address", Error("contactEmail", J(given)), StringComparison.Ordinal);
}
