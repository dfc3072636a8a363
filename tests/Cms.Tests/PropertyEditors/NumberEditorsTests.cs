using static PoleKnowledge.Cms.Tests.TestSchema;

namespace PoleKnowledge.Cms.Tests.PropertyEditors;

/// <summary>Integer, Decimal, TrueFalse and DateTime: values a YAML front matter or a JSON client may send.</summary>
public sealed class NumberEditorsTests
{
    [Theory]
    [InlineData("12", "12")]
    [InlineData("'12'", "12")]
    [InlineData("' 7 '", "7")]
    [InlineData("12.0", "12")]
    public void Integer_Normalize_WholeNumber_StoresJsonInteger(string given, string stored) =>
        Assert.Equal(stored, Stored("pages", J(given)));

    [Theory]
    [InlineData("12.5", "Expected a whole number, got 12.5.")]
    [InlineData("'douze'", "Expected a whole number, got \"douze\".")]
    [InlineData("'NaN'", "Expected a whole number, got \"NaN\".")]
    [InlineData("true", "Expected a whole number, got true.")]
    [InlineData("0", "Expected a number of at least 1, got 0.")]
    [InlineData("1001", "Expected a number of at most 1000, got 1001.")]
    [InlineData("99999999999999999999999", "Expected a whole number, got 99999999999999999999999.")]
    public void Integer_Normalize_BadValue_SaysWhatWasExpected(string given, string message) =>
        Assert.Equal(message, Error("pages", J(given)));

    [Fact]
    public void Integer_Publish_WritesJsonInteger() => Assert.Equal("42", Publish("pages", "42"));

    [Theory]
    [InlineData("2.5", "2.5")]
    [InlineData("'3,5'", "3.5")]
    [InlineData("'10'", "10")]
    [InlineData("0", "0")]
    public void Decimal_Normalize_Number_StoresNumber(string given, string stored) =>
        Assert.Equal(stored, Stored("price", J(given)));

    [Theory]
    [InlineData("'NaN'", "Expected a number such as 12.5")]
    [InlineData("'Infinity'", "Expected a number such as 12.5")]
    [InlineData("1e400", "Expected a number such as 12.5")]
    [InlineData("-1", "Expected a number of at least 0, got -1.")]
    [InlineData("0.3", "Expected a multiple of 0.5, got 0.3.")]
    public void Decimal_Normalize_BadValue_Fails(string given, string message) =>
        Assert.StartsWith(message, Error("price", J(given)), StringComparison.Ordinal);

    [Fact]
    public void Decimal_Publish_WritesNumber() => Assert.Equal("2.5", Publish("price", "2.5"));

    [Theory]
    [InlineData("true", "true")]
    [InlineData("'true'", "true")]
    [InlineData("'oui'", "true")]
    [InlineData("'Non'", "false")]
    [InlineData("false", "false")]
    [InlineData("1", "true")]
    public void TrueFalse_Normalize_Word_StoresBool(string given, string stored) =>
        Assert.Equal(stored, Stored("featured", J(given)));

    [Fact]
    public void TrueFalse_Normalize_OtherWord_Fails() =>
        Assert.Equal("Expected true or false (or \"oui\"/\"non\"), got \"peut-être\".", Error("featured", J("'peut-être'")));

    [Fact]
    public void TrueFalse_Publish_WritesBool() => Assert.Equal("false", Publish("featured", "false"));

    [Theory]
    [InlineData("'2024-05-01'", "'2024-05-01T00:00:00Z'")]
    [InlineData("'2024-05-01T10:30:00+02:00'", "'2024-05-01T08:30:00Z'")]
    [InlineData("'2024-05-01T08:30:00Z'", "'2024-05-01T08:30:00Z'")]
    [InlineData("'2024-05-01 08:30'", "'2024-05-01T08:30:00Z'")]
    [InlineData("'2024-05-01T08:30:00.250Z'", "'2024-05-01T08:30:00.25Z'")]
    public void DateTime_Normalize_IsoDateTime_StoresUtc(string given, string stored) =>
        Assert.Equal(J(stored), Stored("eventStart", J(given)));

    [Theory]
    [InlineData("'2024-05-01'", "'2024-05-01'")]
    [InlineData("'2024-05-01T23:30:00+02:00'", "'2024-05-01'")]
    public void DateTime_Normalize_DateFormat_StoresDate(string given, string stored) =>
        Assert.Equal(J(stored), Stored("publishedOn", J(given)));

    [Theory]
    [InlineData("'01/05/2024'")]
    [InlineData("'2024-13-01'")]
    [InlineData("'demain'")]
    [InlineData("20240501")]
    public void DateTime_Normalize_NotIso_Fails(string given) =>
        Assert.StartsWith("Expected an ISO-8601 date", Error("eventStart", J(given)), StringComparison.Ordinal);

    [Fact]
    public void DateTime_Publish_DateOnly_WritesMidnightUtc() =>
        Assert.Equal(J("'2024-05-01T00:00:00Z'"), Publish("publishedOn", J("'2024-05-01'")));

    [Fact]
    public void DateTime_Publish_DateTime_WritesAsStored() =>
        Assert.Equal(J("'2024-05-01T08:30:00Z'"), Publish("eventStart", J("'2024-05-01T08:30:00Z'")));

    [Fact]
    public void DateTime_Normalize_NodeWrappingClrDateTime_IsRead()
    {
        var property = Property("eventStart");

        var result = property.Editor.Normalize(System.Text.Json.Nodes.JsonValue.Create(new DateTimeOffset(2024, 5, 1, 10, 30, 0, TimeSpan.FromHours(2))), property, ValueContext);

        Assert.Equal("\"2024-05-01T08:30:00Z\"", result.Value!.ToJsonString());
    }
}
