using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Delivery.Querying;

/// <summary>A clause of a Delivery query and the key its cached bit set is found by (its field, operator and values).</summary>
internal sealed record CachedClause(string Key, Query Query, bool Negated);
