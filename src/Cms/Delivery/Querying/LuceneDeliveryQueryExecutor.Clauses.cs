using System.Globalization;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Delivery.Querying;

internal sealed partial class LuceneDeliveryQueryExecutor
{
    /// <summary>
    /// ISO-8601 forms accepted in date filters (invariant, never the server's culture), with the precision
    /// each expresses: a value stands for the interval it names, so <c>createDate:2024-05-01</c> is that
    /// whole day and <c>createDate&lt;:2024-05-01</c> includes it.
    /// </summary>
    private static readonly (string Format, TimeSpan Precision)[] DateFormats =
    [
        ("yyyy-MM-dd", TimeSpan.FromDays(1)),
        ("yyyy-MM-dd'T'HH:mm", TimeSpan.FromMinutes(1)),
        ("yyyy-MM-dd'T'HH:mmK", TimeSpan.FromMinutes(1)),
        ("yyyy-MM-dd'T'HH:mm:ss", TimeSpan.FromSeconds(1)),
        ("yyyy-MM-dd'T'HH:mm:ssK", TimeSpan.FromSeconds(1)),
        ("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", TimeSpan.FromTicks(1)),
        ("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", TimeSpan.FromTicks(1)),
    ];

    /// <summary>Any of the values (OR); null when none is usable.</summary>
    private Query? AnyOf(string fieldName, IReadOnlyList<string> values)
    {
        var type = index.Fields.TryGetValue(fieldName, out var field) ? field.Type : IndexFieldType.Keyword;
        var clauses = new List<Query>(values.Count);
        foreach (var value in values)
        {
            if (Equal(fieldName, type, value) is { } clause)
            {
                clauses.Add(clause);
            }
        }
        return Or(clauses);
    }

    private Query? Equal(string fieldName, IndexFieldType type, string value)
    {
        switch (type)
        {
            case IndexFieldType.Integer:
            case IndexFieldType.Date:
                return Interval(type, value) is { } interval ? NumericRangeQuery.NewInt64Range(fieldName, ContentIndexFieldNames.NumericPrecisionStep, interval.Start, interval.End, true, false) : null;
            case IndexFieldType.Text:
                var tokens = Analyse(fieldName, value);
                if (tokens.Count == 0)
                {
                    return null;
                }
                var all = new BooleanQuery();
                foreach (var token in tokens)
                {
                    all.Add(new TermQuery(new Term(fieldName, token)), Occur.MUST);
                }
                return all;
            default:
                return new TermQuery(new Term(fieldName, value));
        }
    }

    /// <summary>
    /// "Contains" (Umbraco's leading and trailing wildcards): on text fields every analysed word of a value
    /// must occur inside an indexed word, so <c>name:economie</c> finds "L'Économie sociale"; on keyword
    /// fields the raw value must occur in the keyword.
    /// </summary>
    private Query? AnyContains(IndexFieldDefinition field, IReadOnlyList<string> values)
    {
        if (field.Type is IndexFieldType.Integer or IndexFieldType.Date)
        {
            logger.LogWarning("'Contains' on the numeric field {Field}: ignored.", field.Name);
            return null;
        }
        var clauses = new List<Query>(values.Count);
        foreach (var value in values)
        {
            if (field.Type == IndexFieldType.Text)
            {
                var tokens = Analyse(field.Name, value);
                if (tokens.Count == 0)
                {
                    continue;
                }
                var all = new BooleanQuery();
                foreach (var token in tokens)
                {
                    all.Add(Wildcard(field.Name, token), Occur.MUST);
                }
                clauses.Add(all);
            }
            else if (value.Length > 0)
            {
                clauses.Add(Wildcard(field.Name, value));
            }
        }
        return Or(clauses);
    }

    /// <summary>Range operators compare numbers and dates only, with the first value (Umbraco's rules); other fields log and skip.</summary>
    private Query? Range(IndexFieldDefinition field, FilterOption filter)
    {
        if (field.Type is not (IndexFieldType.Integer or IndexFieldType.Date))
        {
            logger.LogWarning("Range filter on the non-numeric field {Field}: ignored.", field.Name);
            return null;
        }
        if (filter.Values.Count == 0 || Interval(field.Type, filter.Values[0]) is not { } interval)
        {
            return null;
        }
        var (start, end) = interval;
        return filter.Operator switch
        {
            FilterOperation.GreaterThan => NumericRangeQuery.NewInt64Range(field.Name, ContentIndexFieldNames.NumericPrecisionStep, end, null, true, true),
            FilterOperation.GreaterThanOrEqual => NumericRangeQuery.NewInt64Range(field.Name, ContentIndexFieldNames.NumericPrecisionStep, start, null, true, true),
            FilterOperation.LessThan => NumericRangeQuery.NewInt64Range(field.Name, ContentIndexFieldNames.NumericPrecisionStep, null, start, true, false),
            FilterOperation.LessThanOrEqual => NumericRangeQuery.NewInt64Range(field.Name, ContentIndexFieldNames.NumericPrecisionStep, null, end, true, false),
            _ => null,
        };
    }

    /// <summary>The half-open interval [start, end) a value names: one number, or a date at the precision written.</summary>
    private static (long Start, long End)? Interval(IndexFieldType type, string value)
    {
        var text = value.Trim();
        if (type == IndexFieldType.Integer)
        {
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) && number < long.MaxValue ? (number, number + 1) : null;
        }
        foreach (var (format, precision) in DateFormats)
        {
            if (DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return (date.UtcTicks, date.UtcTicks + precision.Ticks);
            }
        }
        return null;
    }

    private List<string> Analyse(string fieldName, string value)
    {
        var tokens = new List<string>();
        using var stream = index.GetAnalyzer(fieldName).GetTokenStream(fieldName, value);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            tokens.Add(term.ToString());
        }
        stream.End();
        return tokens;
    }

    private static WildcardQuery Wildcard(string fieldName, string value)
    {
        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);
        return new WildcardQuery(new Term(fieldName, "*" + escaped + "*"));
    }

    private static Query? Or(List<Query> clauses)
    {
        if (clauses.Count <= 1)
        {
            return clauses.Count == 0 ? null : clauses[0];
        }
        var any = new BooleanQuery();
        foreach (var clause in clauses)
        {
            any.Add(clause, Occur.SHOULD);
        }
        return any;
    }
}
