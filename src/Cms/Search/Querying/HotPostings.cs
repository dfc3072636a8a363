using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace PoleKnowledge.Cms.Search.Querying;

/// <summary>
/// The postings of common terms decoded once per segment core and kept in memory as plain arrays (document,
/// frequency), for the windowed scorer: a term on tens of thousands of documents ("association", a theme label)
/// is then scored by walking two arrays instead of decoding Lucene's compressed blocks through several virtual
/// calls per posting, on every search that uses it. Deleted and other-culture documents stay in the arrays (a
/// core's postings never change): the accepted documents are checked while scoring. Bounded: past
/// <see cref="Budget"/> postings in all, the least recently used terms are dropped. Entries die with their segment.
/// </summary>
internal static class HotPostings
{
    /// <summary>Terms on fewer documents are read from the index each time (cheap enough, and rare terms are many).</summary>
    public const int MinimumDocumentFrequency = 512;

    /// <summary>At most this many postings kept in all (8 bytes each: 64 MB).</summary>
    public const long Budget = 8_000_000;

    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Term, Entry>> Cores = [];
    private static readonly Lock TrimLock = new();
    private static long _total;
    private static long _clock;

    /// <summary>A term's postings in one segment, in document order.</summary>
    internal sealed class Entry(int[] documents, int[] frequencies)
    {
        public readonly int[] Documents = documents;
        public readonly int[] Frequencies = frequencies;
        public long LastUse;
    }

    /// <summary>The term's postings in the segment, decoded from <paramref name="terms"/> (positioned on the term) on first use.</summary>
    public static Entry Get(AtomicReader reader, Term term, TermsEnum terms)
    {
        var entries = Cores.GetValue(reader.CoreCacheKey, static _ => new ConcurrentDictionary<Term, Entry>());
        if (!entries.TryGetValue(term, out var entry))
        {
            entry = entries.GetOrAdd(term, Read(terms));
            if (Interlocked.Add(ref _total, entry.Documents.Length) > Budget)
            {
                Trim();
            }
        }
        entry.LastUse = Interlocked.Increment(ref _clock);
        return entry;
    }

    /// <summary>The term's documents in the segment when they are already held in memory (never decodes them).</summary>
    public static int[]? DocumentsIfHeld(AtomicReader reader, Term term) =>
        Cores.TryGetValue(reader.CoreCacheKey, out var entries) && entries.TryGetValue(term, out var entry) ? entry.Documents : null;

    /// <summary>Whether the term's postings in the segment are held in memory.</summary>
    public static bool Holds(AtomicReader reader, Term term) => Cores.TryGetValue(reader.CoreCacheKey, out var entries) && entries.ContainsKey(term);

    private static Entry Read(TermsEnum terms)
    {
        var count = terms.DocFreq;
        var (documents, frequencies) = (new int[count], new int[count]);
        var docs = terms.Docs(null, null, DocsFlags.FREQS);
        var i = 0;
        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS && i < count; doc = docs.NextDoc())
        {
            documents[i] = doc;
            frequencies[i++] = docs.Freq;
        }
        return i == count ? new Entry(documents, frequencies) : new Entry(documents[..i], frequencies[..i]);
    }

    /// <summary>Drops the least recently used terms down to three quarters of the budget (counting only live segments).</summary>
    private static void Trim()
    {
        lock (TrimLock)
        {
            var all = new List<(ConcurrentDictionary<Term, Entry> Core, Term Term, Entry Entry)>();
            foreach (var (_, entries) in Cores)
            {
                foreach (var (term, entry) in entries)
                {
                    all.Add((entries, term, entry));
                }
            }
            var total = all.Sum(e => (long)e.Entry.Documents.Length);
            foreach (var (core, term, entry) in all.OrderBy(e => e.Entry.LastUse))
            {
                if (total <= Budget * 3 / 4)
                {
                    break;
                }
                if (core.TryRemove(term, out _))
                {
                    total -= entry.Documents.Length;
                }
            }
            Interlocked.Exchange(ref _total, total);
        }
    }
}
