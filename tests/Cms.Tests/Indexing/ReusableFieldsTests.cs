using Lucene.Net.Util;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Tests.Indexing;

public sealed class ReusableFieldsTests
{
    [Fact]
    public void WithinOneItem_EachValueHasItsOwnInstance_AndANewItemReusesThem()
    {
        var fields = new ReusableFields();
        var french = fields.Keyword("culture", "fr-fr");
        var english = fields.Keyword("culture", "en-us");
        Assert.NotSame(french, english);
        Assert.Equal("fr-fr", french.GetStringValue());
        Assert.Equal("en-us", english.GetStringValue());

        fields.Reset();
        var next = fields.Keyword("culture", "de-de");
        Assert.Same(french, next);
        Assert.Equal("de-de", next.GetStringValue());
    }

    [Fact]
    public void KindsOfOneNameAreKeptApart()
    {
        var fields = new ReusableFields();
        var keyword = fields.Keyword("year", "2024");
        var docValues = fields.SortedSetDocValues("year", new BytesRef("2024"));
        var number = fields.Int64("level", 3);
        Assert.NotSame(keyword, docValues);
        Assert.Equal(3L, number.GetInt64Value());
        Assert.Equal(ContentIndexFieldNames.NumericPrecisionStep, number.FieldType.NumericPrecisionStep);
        Assert.Equal("2024", docValues.GetBinaryValue().Utf8ToString());
    }
}
