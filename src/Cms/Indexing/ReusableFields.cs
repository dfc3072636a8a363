using Lucene.Net.Documents;
using Lucene.Net.Util;

namespace PoleKnowledge.Cms.Indexing;

/// <summary>
/// Field instances reused from one item to the next by one indexing thread (Lucene's advice for bulk
/// indexing). A new keyword or numeric field makes a new token stream with its own attribute maps on first use:
/// a quarter of what a full rebuild allocated. The writer has consumed an item's documents when
/// <c>AddDocuments</c> returns, so each item starts again from the first instance of each name
/// (<see cref="Reset"/>); the documents of one item (one per culture) take distinct instances.
/// Not thread-safe: one per indexing context.
/// </summary>
internal sealed class ReusableFields
{
    private static readonly FieldType NumericType = CreateNumericType();
    private readonly Dictionary<(string Name, FieldKind Kind), Slot> _slots = [];

    private enum FieldKind
    {
        Keyword,
        Text,
        Int64,
        BinaryDocValues,
        SortedDocValues,
        SortedSetDocValues,
    }

    /// <summary>Starts a new item: every instance may be handed out again.</summary>
    public void Reset()
    {
        foreach (var slot in _slots.Values)
        {
            slot.Used = 0;
        }
    }

    public Field Keyword(string name, string value)
    {
        var field = Take(name, FieldKind.Keyword, static n => new StringField(n, "", Field.Store.NO));
        field.SetStringValue(value);
        return field;
    }

    public Field Text(string name, string value)
    {
        var field = Take(name, FieldKind.Text, static n => new TextField(n, "", Field.Store.NO));
        field.SetStringValue(value);
        return field;
    }

    public Field Int64(string name, long value)
    {
        var field = Take(name, FieldKind.Int64, static n => new Int64Field(n, 0L, NumericType));
        field.SetInt64Value(value);
        return field;
    }

    public Field BinaryDocValues(string name, BytesRef value) => WithBytes(Take(name, FieldKind.BinaryDocValues, static n => new BinaryDocValuesField(n, new BytesRef())), value);

    public Field SortedDocValues(string name, BytesRef value) => WithBytes(Take(name, FieldKind.SortedDocValues, static n => new SortedDocValuesField(n, new BytesRef())), value);

    public Field SortedSetDocValues(string name, BytesRef value) => WithBytes(Take(name, FieldKind.SortedSetDocValues, static n => new SortedSetDocValuesField(n, new BytesRef())), value);

    private static Field WithBytes(Field field, BytesRef value)
    {
        field.SetBytesValue(value);
        return field;
    }

    /// <summary>The next unused instance of the name and kind (made on first need; the factories are static lambdas: nothing allocated per value).</summary>
    private Field Take(string name, FieldKind kind, Func<string, Field> create)
    {
        if (!_slots.TryGetValue((name, kind), out var slot))
        {
            slot = new Slot();
            _slots[(name, kind)] = slot;
        }
        if (slot.Used == slot.Fields.Count)
        {
            slot.Fields.Add(create(name));
        }
        return slot.Fields[slot.Used++];
    }

    private static FieldType CreateNumericType()
    {
        var type = new FieldType(Int64Field.TYPE_NOT_STORED) { NumericPrecisionStep = ContentIndexFieldNames.NumericPrecisionStep };
        type.Freeze();
        return type;
    }

    private sealed class Slot
    {
        public List<Field> Fields { get; } = [];
        public int Used { get; set; }
    }
}
