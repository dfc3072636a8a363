using System.Diagnostics;
using System.Globalization;
using System.Text;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Generator;

// Usage: PoleKnowledge.Generator <outFolder> [count=100000] [seed=42] [--schema <content-schema folder>] [--text <archive or folder>]
// Writes the home, the five demo sections, then <count> items (Markdown + YAML front matter, docs/import-format.md)
// in subfolders of at most 1000 files, plus manifest.tsv (type, import key, GUID, public route) for the benchmarks.
// The text comes from real French documents (--text; by default the corpus bundled with the tests), one source
// document per item plus a few paragraphs of others of its folder; the word shares of the generated items and of
// the source corpus are printed side by side on stderr at the end.
var positional = new List<string>();
string? schemaFolder = null;
string? textSource = null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--schema" && i + 1 < args.Length)
    {
        schemaFolder = args[++i];
    }
    else if (args[i] == "--text" && i + 1 < args.Length)
    {
        textSource = args[++i];
    }
    else
    {
        positional.Add(args[i]);
    }
}
if (positional.Count is < 1 or > 3)
{
    await Console.Error.WriteLineAsync("Usage: Generator <outFolder> [count=100000] [seed=42] [--schema <content-schema folder>] [--text <archive or folder>]");
    return 2;
}
var outFolder = Path.GetFullPath(positional[0]);
var count = positional.Count > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 100_000;
var seed = positional.Count > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 42;
schemaFolder ??= Schema.Find();
if (schemaFolder is null)
{
    await Console.Error.WriteLineAsync("content-schema/ not found above the current folder; pass --schema <folder>.");
    return 2;
}
textSource ??= SourceCorpus.Find();
if (textSource is null)
{
    await Console.Error.WriteLineAsync($"The source text ({SourceCorpus.BundledArchive}) was not found above the current folder; pass --text <archive or folder of Markdown documents>.");
    return 2;
}

var watch = Stopwatch.StartNew();
var schema = Schema.Load(schemaFolder);
SourceCorpus corpus;
try
{
    corpus = SourceCorpus.Load(Path.GetFullPath(textSource));
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"Cannot read the source text: {e.Message}");
    return 2;
}
Console.WriteLine($"Source text: {corpus.Documents.Length} documents ({corpus.Sources.Length} with paragraphs) in {corpus.ByFolder.Count} folders from {textSource} ({watch.Elapsed.TotalSeconds:0.0} s).");
Directory.CreateDirectory(outFolder);
// The text has its own random sequence: the mix of types and property values of a seed does not depend on it.
var factory = new ItemFactory(schema, new Random(seed), new FrenchText(new Random(unchecked(seed * 31 + 7)), corpus));
var generatedWords = new WordStats();
var indexedWords = new WordStats();
var utf8 = new UTF8Encoding(false);
var builder = new StringBuilder(8192);
long bytes = 0;
using (var manifest = new StreamWriter(Path.Combine(outFolder, "manifest.tsv"), false, utf8))
{
    manifest.WriteLine("type\tkey\tguid\troute");
    void Write(string folder, string fileName, GeneratedItem item)
    {
        var directory = Path.Combine(outFolder, folder);
        Directory.CreateDirectory(directory);
        var text = builder.ToString();
        File.WriteAllText(Path.Combine(directory, fileName), text, utf8);
        bytes += utf8.GetByteCount(text);
        manifest.Write(item.ContentType);
        manifest.Write('\t');
        manifest.Write(item.Key);
        manifest.Write('\t');
        manifest.Write(ContentKeys.FromImportKey(item.Key).ToString("D"));
        manifest.Write('\t');
        manifest.WriteLine(item.Route);
    }

    var index = 0;
    foreach (var structural in factory.Structure(builder))
    {
        Write("0000", $"{index++:D2}-{structural.Key}.md", structural);
    }
    for (var i = 0; i < count; i++)
    {
        var item = factory.Next(builder);
        generatedWords.Add(factory.ItemText);
        indexedWords.Add(factory.ItemText.Append(factory.ItemLabels));
        Write((1 + i / 1000).ToString("D4", CultureInfo.InvariantCulture), $"{item.Key}.md", item);
        if ((i + 1) % 10_000 == 0)
        {
            Console.WriteLine($"{i + 1} items…");
        }
    }
}
var elapsed = watch.Elapsed;
var corpusWords = new WordStats();
foreach (var document in corpus.Documents)
{
    corpusWords.Add(document.Text);
}
await Console.Error.WriteAsync(WordStats.Compare(generatedWords, indexedWords, corpusWords));
// Last line on stdout: the benchmark scripts keep it (| tail -1).
Console.WriteLine($"{count} items (+{ItemFactory.Sections.Length + 1} home and sections) written to {outFolder} in {elapsed.TotalSeconds:0.0} s, {bytes / 1024.0 / 1024.0:0.0} MB; by type: {string.Join(", ", factory.Counts.Select(c => $"{c.Key} {c.Value}"))}.");
return 0;

namespace PoleKnowledge.Generator
{
    internal sealed record GeneratedItem(string ContentType, string Key, string Route);

    /// <summary>Builds each item's front matter and body from the schema: required properties always, optional ones often.</summary>
    internal sealed class ItemFactory(Schema schema, Random random, FrenchText text)
    {
        public static readonly (string Key, string Name)[] Sections =
        [
            ("ressources", "Ressources"), ("annuaire", "Annuaire"), ("agenda", "Agenda"),
            ("financements", "Financements"), ("groupes-de-travail", "Groupes de travail"),
        ];

        /// <summary>Content type, share of the items, parent section key.</summary>
        private static readonly (string Type, int Weight, string Parent)[] Mix =
        [
            ("resource", 70, "ressources"), ("structureProfile", 12, "annuaire"), ("event", 8, "agenda"),
            ("fundingScheme", 4, "financements"), ("workingGroup", 3, "groupes-de-travail"), ("page", 3, "*"),
        ];

        private static readonly string[] StructureNames =
        [
            "Association Les Jardins partagés", "Coopérative Bâtir Ensemble", "Ressourcerie du Blosne", "Épicerie solidaire Le Panier",
            "SCIC Énergies citoyennes", "Vélo solidaire", "Collectif Habitat participatif", "Mutuelle des métiers du lien",
            "Atelier d'insertion La Fabrique", "Café associatif L'Escale", "Compagnie théâtrale Les Tréteaux", "Crèche parentale Les Lutins",
        ];

        private static readonly string[] Places =
        [
            "Maison des associations, 6 cours des Alliés, Rennes", "Espace Anne de Bretagne, Rennes", "Salle polyvalente, Cesson-Sévigné",
            "Tiers-lieu La Grange, Bruz", "Médiathèque Les Champs Libres, Rennes", "En visioconférence", "Pôle ESS, Saint-Jacques-de-la-Lande",
        ];

        private static readonly string[] Funders =
        [
            "Rennes Métropole", "Région Bretagne", "France Active Bretagne", "Fondation de France", "Banque des Territoires",
            "Département d'Ille-et-Vilaine", "Cap Financement Solidaire", "Fonds social européen",
        ];

        private readonly FrenchText _text = text;
        private readonly StringBuilder _itemText = new(8192);
        private readonly StringBuilder _itemLabels = new(256);
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly DateOnly _origin = new(2026, 1, 1);

        /// <summary>Block lists being filled (their values are not part of the item's searchable text).</summary>
        private int _blockDepth;

        public IReadOnlyDictionary<string, int> Counts => _counts;

        /// <summary>
        /// The text of the last item of <see cref="Next"/>, as the search extracts it: name, text boxes and areas,
        /// Markdown properties and body.
        /// </summary>
        public StringBuilder ItemText => _itemText;

        /// <summary>What the search also indexes of the last item: its type's name and the labels of its taxonomy and list values.</summary>
        public StringBuilder ItemLabels => _itemLabels;

        public IEnumerable<GeneratedItem> Structure(StringBuilder builder)
        {
            var home = schema.Types["home"];
            _text.Begin();
            builder.Clear().Append("---\n");
            Head(builder, "home", "Accueil", "home", null, null);
            var values = new List<KeyValuePair<string, object?>>();
            FillValues(home, values, "home", required: true, skip: ["featured"]);
            WriteValues(builder, values);
            builder.Append("---\n");
            _text.Markdown(builder, "Le pôle ESS du Pays de Rennes", 1500);
            yield return new GeneratedItem("home", "home", "/");
            var order = 1;
            foreach (var (key, name) in Sections)
            {
                _text.Begin();
                builder.Clear().Append("---\n");
                Head(builder, "section", name, key, "/", order++);
                values.Clear();
                FillValues(schema.Types["section"], values, key, required: false, skip: []);
                WriteValues(builder, values);
                builder.Append("---\n");
                builder.Append(_text.Sentences(3)).Append('\n');
                yield return new GeneratedItem("section", key, $"/{UrlSegmentBuilder.Build(name)}/");
            }
        }

        public GeneratedItem Next(StringBuilder builder)
        {
            var roll = random.Next(Mix.Sum(m => m.Weight));
            var (typeAlias, _, parentKey) = Mix[^1];
            foreach (var entry in Mix)
            {
                if (roll < entry.Weight)
                {
                    (typeAlias, _, parentKey) = entry;
                    break;
                }
                roll -= entry.Weight;
            }
            if (parentKey == "*")
            {
                parentKey = Sections[random.Next(Sections.Length)].Key;
            }
            var parentName = Sections.First(s => s.Key == parentKey).Name;
            var parentRoute = "/" + UrlSegmentBuilder.Build(parentName);
            var number = _counts[typeAlias] = _counts.GetValueOrDefault(typeAlias) + 1;
            var key = $"{Kebab(typeAlias)}-{number:D6}";
            _text.Begin();
            var name = NameFor(typeAlias, number);
            var type = schema.Types[typeAlias];
            _itemText.Clear().Append(name).Append('\n');
            _itemLabels.Clear().Append(type.Name).Append('\n');

            builder.Clear().Append("---\n");
            Head(builder, typeAlias, name, key, parentRoute, null);
            var values = new List<KeyValuePair<string, object?>>();
            FillValues(type, values, key, required: false, skip: []);
            WriteValues(builder, values);
            builder.Append("---\n");
            if (type.Get("body") is not null)
            {
                var bodyStart = builder.Length;
                _text.Markdown(builder, name, 2000);
                _itemText.Append(builder, bodyStart, builder.Length - bodyStart);
            }
            return new GeneratedItem(typeAlias, key, $"{parentRoute}/{UrlSegmentBuilder.Build(name)}/");
        }

        private static void Head(StringBuilder builder, string type, string name, string key, string? parent, int? sortOrder)
        {
            builder.Append("contentType: ").Append(type).Append('\n');
            builder.Append("name: ").Append(Yaml.Quote(name)).Append('\n');
            builder.Append("key: ").Append(key).Append('\n');
            if (parent is not null)
            {
                builder.Append("parent: ").Append(parent).Append('\n');
            }
            builder.Append("culture: fr-FR\npublish: true\n");
            if (sortOrder is { } order)
            {
                builder.Append("sortOrder: ").Append(order).Append('\n');
            }
        }

        private static void WriteValues(StringBuilder builder, List<KeyValuePair<string, object?>> values)
        {
            foreach (var (alias, value) in values)
            {
                Yaml.WriteField(builder, alias, value, 0);
            }
        }

        private string NameFor(string type, int number) => type switch
        {
            "resource" => $"{Short(_text.Title())} ({number})",
            "structureProfile" => $"{_text.Pick(StructureNames)} {number}",
            "event" => $"Rencontre « {Short(_text.Topic())} » n° {number}",
            "fundingScheme" => $"{_text.Pick(Funders)} : {Short(_text.Topic())} ({number})",
            "workingGroup" => $"Groupe « {Short(_text.Topic())} » n° {number}",
            _ => $"À savoir : {Short(_text.Topic())} ({number})",
        };

        /// <summary>
        /// A source title cut at a word before 90 characters: names end with their number, which must stay within
        /// the 120 characters of a URL segment (two long titles cut the same way collided).
        /// </summary>
        private static string Short(string title)
        {
            if (title.Length <= 90)
            {
                return title;
            }
            var cut = title.LastIndexOf(' ', 89);
            return (cut > 40 ? title[..cut] : title[..89]).TrimEnd(',', ';', ':', ' ') + "…";
        }

        /// <summary>Values for the type's properties; the <c>body</c> is the file body, the first other Markdown property of a type without body gets the long text.</summary>
        private void FillValues(TypeSpec type, List<KeyValuePair<string, object?>> values, string key, bool required, string[] skip)
        {
            var longMarkdownDone = type.Get("body") is not null;
            var anchor = _origin.AddDays(random.Next(900));
            decimal? amountMin = null;
            foreach (var property in type.Properties)
            {
                if (property.Alias == "body" || skip.Contains(property.Alias))
                {
                    continue;
                }
                if (!property.Required && !required && random.Next(10) >= 7)
                {
                    continue;
                }
                object? value;
                if (property.Editor == "Umbraco.MarkdownEditor")
                {
                    var builder = new StringBuilder();
                    if (longMarkdownDone)
                    {
                        for (var i = 1; i <= 3; i++)
                        {
                            builder.Append(i).Append(". ").Append(_text.Sentence()).Append('\n');
                        }
                    }
                    else
                    {
                        _text.Markdown(builder, "Présentation", 2000);
                        longMarkdownDone = true;
                    }
                    value = new BlockText(builder.ToString());
                    Searchable(builder.ToString());
                }
                else
                {
                    value = ValueFor(property, key, anchor, ref amountMin);
                    if (value is string text && property.Editor is "Umbraco.TextBox" or "Umbraco.TextArea")
                    {
                        Searchable(text);
                    }
                    else if (value is not null && property.Editor is "Umbraco.Tags" or "Umbraco.DropDown.Flexible" or "Umbraco.CheckBoxList")
                    {
                        Labels(property, value);
                    }
                }
                if (value is not null)
                {
                    values.Add(KeyValuePair.Create<string, object?>(property.Alias, value));
                }
            }
        }

        private void Searchable(string text)
        {
            if (_blockDepth == 0)
            {
                _itemText.Append(text).Append('\n');
            }
        }

        private void Labels(PropertySpec property, object value)
        {
            if (_blockDepth > 0)
            {
                return;
            }
            var terms = property.Text("taxonomy") is { } taxonomy && schema.TermLabels.TryGetValue(taxonomy, out var found) ? found : null;
            foreach (var alias in value as IEnumerable<string> ?? [(string)value])
            {
                _itemLabels.Append(property.ItemLabel(alias) ?? terms?.GetValueOrDefault(alias) ?? alias).Append('\n');
            }
        }

        private object? ValueFor(PropertySpec property, string key, DateOnly anchor, ref decimal? amountMin)
        {
            var max = property.Int("maxChars") ?? 512;
            switch (property.Editor)
            {
                case "Umbraco.TextBox":
                    return Fit(TextBoxValue(property.Alias, key), max);
                case "Umbraco.TextArea":
                    return _text.Summary(Math.Min(max, 400));
                case "Umbraco.EmailAddress":
                    return $"contact@{key}.example.org";
                case "Umbraco.Integer":
                {
                    var min = property.Int("min") ?? 0;
                    var top = Math.Min(property.Int("max") ?? min + 60, min + 60);
                    return (long)random.Next(min, top + 1);
                }
                case "Umbraco.Decimal":
                {
                    var min = property.Int("min") ?? 0;
                    if (property.Alias.EndsWith("Max", StringComparison.Ordinal) && amountMin is { } low)
                    {
                        return low * (2 + random.Next(19));
                    }
                    var amount = (decimal)(min + 500 * (2 + random.Next(20)));
                    amountMin = amount;
                    return amount;
                }
                case "Umbraco.TrueFalse":
                    return random.Next(2) == 0;
                case "Umbraco.DateTime":
                {
                    var isEnd = property.Alias.StartsWith("end", StringComparison.OrdinalIgnoreCase) || property.Alias.EndsWith("End", StringComparison.Ordinal);
                    var day = isEnd ? anchor.AddDays(property.Text("format") == "date" ? 30 + random.Next(150) : 0) : anchor;
                    return property.Text("format") == "date"
                        ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        : $"{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}T{(isEnd ? 20 : 18):D2}:{(isEnd ? 0 : 30):D2}:00+01:00";
                }
                case "Umbraco.Tags":
                    return property.Text("taxonomy") is { } taxonomy && schema.Taxonomies.TryGetValue(taxonomy, out var terms)
                        ? Some(terms, 1, Math.Min(property.Int("maxItems") ?? 3, 3))
                        : null;
                case "Umbraco.DropDown.Flexible":
                {
                    var choices = Choices(property);
                    if (choices.Count == 0)
                    {
                        return null;
                    }
                    return property.Flag("multiple") ? Some(choices, 1, 2) : choices[random.Next(choices.Count)];
                }
                case "Umbraco.CheckBoxList":
                {
                    var choices = Choices(property);
                    return choices.Count == 0 ? null : Some(choices, 1, 2);
                }
                case "Umbraco.ContentPicker":
                {
                    var keys = ExistingKeys(property.Strings("allowedTypes"), 1);
                    return keys.Count == 0 ? null : keys[0];
                }
                case "Umbraco.MultiNodeTreePicker":
                {
                    if (property.Text("type") == "media")
                    {
                        return null;
                    }
                    var keys = ExistingKeys(property.Strings("allowedTypes"), Math.Min(property.Int("maxItems") ?? 3, 3));
                    return keys.Count == 0 ? null : keys;
                }
                case "Umbraco.MultiUrlPicker":
                    return new List<IReadOnlyList<KeyValuePair<string, object?>>>
                    {
                        new List<KeyValuePair<string, object?>> { KeyValuePair.Create<string, object?>("title", "Site officiel"), KeyValuePair.Create<string, object?>("url", $"https://{key}.example.org/") },
                    };
                case "Umbraco.BlockList":
                    return Blocks(property, key);
                case "Umbraco.MediaPicker3":
                    return null;
                default:
                    return property.Alias == "siret" ? Siret() : null;
            }
        }

        private string TextBoxValue(string alias, string key) => alias switch
        {
            "place" or "address" => _text.Pick(Places),
            "funder" or "organiser" => _text.Pick(Funders),
            "source" => $"Pôle ESS du Pays de Rennes, {2024 + random.Next(4)}",
            "contactName" => "Accueil",
            "contactPhone" => $"02 99 {random.Next(100):D2} {random.Next(100):D2} {random.Next(100):D2}",
            "siren" => $"{random.Next(1, 10)}{random.Next(100):D2} {random.Next(1000):D3} {random.Next(1000):D3}",
            "rna" => $"W35{random.Next(10_000_000):D7}",
            "registrationUrl" => $"https://pole-ess.example.org/inscription/{key}",
            "heroTitle" => "Le pôle ESS du Pays de Rennes : faire réseau pour entreprendre autrement",
            "topic" => $"Séance : {LowerFirst(_text.Heading())}",
            _ => _text.Statement(),
        };

        private static string LowerFirst(string text) =>
            text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;

        private static string Fit(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

        private IReadOnlyList<string> Choices(PropertySpec property)
        {
            var items = property.ItemValues();
            if (items.Count > 0)
            {
                return items;
            }
            return property.Text("taxonomy") is { } taxonomy && schema.Taxonomies.TryGetValue(taxonomy, out var terms) ? terms : [];
        }

        private List<string> Some(IReadOnlyList<string> from, int min, int max)
        {
            var wanted = Math.Min(from.Count, min + random.Next(Math.Max(1, max - min + 1)));
            var picked = new List<string>(wanted);
            while (picked.Count < wanted)
            {
                var candidate = from[random.Next(from.Count)];
                if (!picked.Contains(candidate))
                {
                    picked.Add(candidate);
                }
            }
            return picked;
        }

        /// <summary>Import keys of items of the allowed types already generated (so pickers resolve).</summary>
        private List<string> ExistingKeys(IReadOnlyList<string> allowedTypes, int max)
        {
            var candidates = allowedTypes.Where(t => _counts.GetValueOrDefault(t) > 0).ToList();
            var keys = new List<string>();
            if (candidates.Count == 0)
            {
                return keys;
            }
            var wanted = 1 + random.Next(max);
            for (var i = 0; i < wanted * 2 && keys.Count < wanted; i++)
            {
                var type = candidates[random.Next(candidates.Count)];
                var candidate = $"{Kebab(type)}-{1 + random.Next(_counts[type]):D6}";
                if (!keys.Contains(candidate))
                {
                    keys.Add(candidate);
                }
            }
            return keys;
        }

        private List<KeyValuePair<string, object?>>? Blocks(PropertySpec property, string key)
        {
            var elementTypes = property.BlockTypes().Where(schema.Types.ContainsKey).ToList();
            if (elementTypes.Count == 0)
            {
                return null;
            }
            var items = new List<IReadOnlyList<KeyValuePair<string, object?>>>();
            var bytes = new byte[16];
            for (var i = 0; i < 1 + random.Next(Math.Min(property.Int("maxItems") ?? 4, 4)); i++)
            {
                var element = schema.Types[elementTypes[random.Next(elementTypes.Count)]];
                var values = new List<KeyValuePair<string, object?>>();
                _blockDepth++;
                FillValues(element, values, key, required: false, skip: []);
                _blockDepth--;
                random.NextBytes(bytes);
                bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
                bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
                items.Add(
                [
                    KeyValuePair.Create<string, object?>("contentType", element.Alias),
                    KeyValuePair.Create<string, object?>("key", new Guid(bytes).ToString("D")),
                    KeyValuePair.Create<string, object?>("values", values),
                    KeyValuePair.Create<string, object?>("settings", null),
                ]);
            }
            return [KeyValuePair.Create<string, object?>("items", items)];
        }

        /// <summary>A SIRET whose Luhn check digit is right.</summary>
        private string Siret()
        {
            Span<int> digits = stackalloc int[14];
            digits[0] = 1 + random.Next(9);
            for (var i = 1; i < 13; i++)
            {
                digits[i] = random.Next(10);
            }
            var sum = 0;
            for (var i = 0; i < 13; i++)
            {
                var digit = digits[i];
                if ((13 - i) % 2 == 1)
                {
                    digit *= 2;
                    if (digit > 9)
                    {
                        digit -= 9;
                    }
                }
                sum += digit;
            }
            digits[13] = (10 - sum % 10) % 10;
            var text = new StringBuilder(17);
            for (var i = 0; i < 14; i++)
            {
                if (i is 3 or 6 or 9)
                {
                    text.Append(' ');
                }
                text.Append(digits[i]);
            }
            return text.ToString();
        }

        private static string Kebab(string alias)
        {
            var builder = new StringBuilder(alias.Length + 4);
            foreach (var ch in alias)
            {
                if (char.IsUpper(ch))
                {
                    builder.Append('-').Append(char.ToLowerInvariant(ch));
                }
                else
                {
                    builder.Append(ch);
                }
            }
            return builder.ToString();
        }
    }
}
