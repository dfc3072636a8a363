using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using PoleKnowledge.Cms.Media;
using PoleKnowledge.Cms.Schema;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Loads <c>content-schema/forms/*.json</c> and checks every rule a submission will rely on (unique ids and
/// aliases, known types, valid patterns, choices for choice fields, conditions naming existing fields, file
/// extensions the sniffer knows, known workflows). A bad file stops start-up with the file, the JSON path and the problem.
/// </summary>
public static class FormDefinitionLoader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly string[] WorkflowTypes = ["sendEmail", "webhook", "saveAsContent"];
    private static readonly string[] Operators = ["Is", "IsNot", "Contains", "NotContains"];

    public static (IReadOnlyList<FormDefinition> Forms, IReadOnlyList<SchemaProblem> Problems) Load(string formsFolder)
    {
        var forms = new List<FormDefinition>();
        var problems = new List<SchemaProblem>();
        if (!Directory.Exists(formsFolder))
        {
            return (forms, problems);
        }
        foreach (var path in Directory.EnumerateFiles(formsFolder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = "forms/" + Path.GetFileName(path);
            FormDefinitionFile? raw;
            try
            {
                raw = JsonSerializer.Deserialize<FormDefinitionFile>(File.ReadAllText(path), Json);
            }
            catch (JsonException exception)
            {
                problems.Add(new SchemaProblem(file, exception.Path ?? "$", "Invalid JSON: " + exception.Message, (int?)exception.LineNumber + 1));
                continue;
            }
            if (raw is null)
            {
                problems.Add(new SchemaProblem(file, "$", "The file is empty."));
                continue;
            }
            var definition = Build(file, raw, problems);
            if (definition is null)
            {
                continue;
            }
            if (forms.Any(f => f.Id == definition.Id || f.Alias == definition.Alias))
            {
                problems.Add(new SchemaProblem(file, "$.id", $"Another form already uses the id {definition.Id} or the alias '{definition.Alias}'."));
                continue;
            }
            forms.Add(definition);
        }
        return (forms, problems);
    }

    private static FormDefinition? Build(string file, FormDefinitionFile raw, List<SchemaProblem> problems)
    {
        var before = problems.Count;
        void Problem(string path, string message) => problems.Add(new SchemaProblem(file, path, message));
        if (raw.Id is null || raw.Id == Guid.Empty)
        {
            Problem("$.id", "A form needs a GUID 'id' (the id the Forms API is called with).");
        }
        if (string.IsNullOrWhiteSpace(raw.Alias) || !Regex.IsMatch(raw.Alias, "^[a-z][a-zA-Z0-9]*$"))
        {
            Problem("$.alias", "A form needs an 'alias' in camelCase (letters and digits, starting with a lower-case letter).");
        }
        if (string.IsNullOrWhiteSpace(raw.Name))
        {
            Problem("$.name", "A form needs a 'name'.");
        }
        if (raw.Pages is not { Count: > 0 })
        {
            Problem("$.pages", "A form needs at least one page with fields.");
            return null;
        }
        var formId = raw.Id ?? Guid.Empty;
        var honeypot = raw.HoneypotAlias ?? "website";
        var pages = new List<FormPage>();
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < raw.Pages.Count; p++)
        {
            var page = raw.Pages[p];
            var fields = new List<FormField>();
            for (var f = 0; f < (page.Fields?.Count ?? 0); f++)
            {
                var field = BuildField(formId, page.Fields![f], $"$.pages[{p}].fields[{f}]", Problem);
                if (field is null)
                {
                    continue;
                }
                if (!aliases.Add(field.Alias) || field.Alias == honeypot)
                {
                    Problem($"$.pages[{p}].fields[{f}].alias", $"The alias '{field.Alias}' is used twice (or is the honeypot's).");
                }
                fields.Add(field);
            }
            if (fields.Count == 0)
            {
                Problem($"$.pages[{p}].fields", "A page needs at least one field.");
            }
            pages.Add(new FormPage { Caption = page.Caption ?? "", Condition = Normalize(page.Condition), Fields = fields, FieldsetId = DerivedId(formId, "fieldset:" + p) });
        }
        for (var p = 0; p < pages.Count; p++)
        {
            CheckCondition(pages[p].Condition, $"$.pages[{p}].condition", aliases, Problem);
            for (var f = 0; f < pages[p].Fields.Count; f++)
            {
                CheckCondition(pages[p].Fields[f].Condition, $"$.pages[{p}].fields[{f}].condition", aliases, Problem);
            }
        }
        var workflows = raw.Workflows ?? [];
        for (var w = 0; w < workflows.Count; w++)
        {
            var workflow = workflows[w];
            if (!WorkflowTypes.Contains(workflow.Type))
            {
                Problem($"$.workflows[{w}].type", $"Unknown workflow '{workflow.Type}'; known: {string.Join(", ", WorkflowTypes)}.");
            }
            else if (workflow.Type == "sendEmail" && string.IsNullOrWhiteSpace(workflow.To))
            {
                Problem($"$.workflows[{w}].to", "A sendEmail workflow needs 'to'.");
            }
            else if (workflow.Type == "webhook" && !Uri.TryCreate(workflow.Url, UriKind.Absolute, out _))
            {
                Problem($"$.workflows[{w}].url", "A webhook workflow needs an absolute 'url'.");
            }
            else if (workflow.Type == "saveAsContent" && (string.IsNullOrWhiteSpace(workflow.ContentType) || workflow.NameField is null || !aliases.Contains(workflow.NameField)))
            {
                Problem($"$.workflows[{w}]", "A saveAsContent workflow needs 'contentType' and a 'nameField' naming a field of the form.");
            }
            foreach (var (property, field) in workflow.Map.Where(m => !aliases.Contains(m.Value)))
            {
                Problem($"$.workflows[{w}].map.{property}", $"'{field}' is not a field of the form.");
            }
        }
        if (raw.MinimumFillSeconds is < 0 or > 600)
        {
            Problem("$.minimumFillSeconds", "Between 0 and 600 seconds.");
        }
        if (raw.RetentionDays is < 1)
        {
            Problem("$.retentionDays", "At least one day.");
        }
        if (problems.Count > before)
        {
            return null;
        }
        return new FormDefinition
        {
            Id = formId,
            Alias = raw.Alias!,
            Name = raw.Name!,
            Pages = pages,
            MessageOnSubmit = raw.MessageOnSubmit ?? "Merci, votre réponse a bien été enregistrée.",
            SubmitLabel = raw.SubmitLabel ?? "Envoyer",
            NextLabel = raw.NextLabel ?? "Suivant",
            PreviousLabel = raw.PreviousLabel ?? "Précédent",
            HoneypotAlias = honeypot,
            MinimumFillSeconds = raw.MinimumFillSeconds ?? 3,
            RetentionDays = raw.RetentionDays ?? 365,
            Handler = raw.Handler,
            Workflows = workflows,
        };
    }

    private static FormField? BuildField(Guid formId, FormDefinitionFile.FieldFile raw, string path, Action<string, string> problem)
    {
        if (string.IsNullOrWhiteSpace(raw.Alias) || !Regex.IsMatch(raw.Alias, "^[a-z][a-zA-Z0-9]*$"))
        {
            problem(path + ".alias", "A field needs an 'alias' in camelCase.");
            return null;
        }
        var type = FormFieldType.FromAlias(raw.Type);
        if (type is null)
        {
            problem(path + ".type", $"Unknown field type '{raw.Type}'; known: {string.Join(", ", FormFieldType.All.Select(t => t.Alias))}.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(raw.Caption))
        {
            problem(path + ".caption", "A field needs a 'caption' (its label).");
        }
        if (!string.IsNullOrEmpty(raw.Pattern))
        {
            try
            {
                _ = new Regex(raw.Pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException exception)
            {
                problem(path + ".pattern", "Invalid regular expression: " + exception.Message);
            }
        }
        var preValues = raw.PreValues ?? [];
        if (type.HasChoices && preValues.Count == 0)
        {
            problem(path + ".preValues", $"A {type.Alias} field needs 'preValues'.");
        }
        if (type == FormFieldType.FileUpload)
        {
            var extensions = raw.FileUploadOptions?.AllowedUploadExtensions ?? [];
            if (extensions.Count == 0)
            {
                problem(path + ".fileUploadOptions.allowedUploadExtensions", "An upload field lists the extensions it accepts.");
            }
            foreach (var extension in extensions.Where(e => MediaFormat.FromExtension(e) is null))
            {
                problem(path + ".fileUploadOptions.allowedUploadExtensions", $"'{extension}' cannot be checked against the file's bytes; accepted: {string.Join(", ", MediaFormat.All.Select(f => f.Extension))}.");
            }
        }
        var caption = raw.Caption ?? raw.Alias;
        return new FormField
        {
            Id = raw.Id ?? DerivedId(formId, "field:" + raw.Alias),
            Alias = raw.Alias,
            Caption = caption,
            Type = type,
            HelpText = raw.HelpText ?? "",
            Placeholder = raw.Placeholder ?? "",
            Required = raw.Required,
            RequiredErrorMessage = raw.RequiredErrorMessage ?? (type == FormFieldType.DataConsent ? "Votre consentement est nécessaire pour envoyer ce formulaire." : $"Le champ « {caption} » est obligatoire."),
            Pattern = raw.Pattern ?? "",
            PatternInvalidErrorMessage = raw.PatternInvalidErrorMessage ?? $"Le champ « {caption} » n'a pas le format attendu.",
            MaxLength = raw.MaxLength,
            PreValues = preValues,
            Condition = Normalize(raw.Condition),
            FileUploadOptions = type == FormFieldType.FileUpload ? raw.FileUploadOptions : null,
            Settings = raw.Settings ?? new Dictionary<string, string>(),
        };
    }

    private static void CheckCondition(FormCondition condition, string path, HashSet<string> aliases, Action<string, string> problem)
    {
        if (condition.ActionType is not ("Show" or "Hide"))
        {
            problem(path + ".actionType", "'Show' or 'Hide'.");
        }
        if (condition.LogicType is not ("All" or "Any"))
        {
            problem(path + ".logicType", "'All' or 'Any'.");
        }
        for (var r = 0; r < condition.Rules.Count; r++)
        {
            var rule = condition.Rules[r];
            if (!aliases.Contains(rule.Field))
            {
                problem($"{path}.rules[{r}].field", $"'{rule.Field}' is not a field of the form.");
            }
            if (!Operators.Contains(rule.Operator))
            {
                problem($"{path}.rules[{r}].operator", $"Unknown operator '{rule.Operator}'; known: {string.Join(", ", Operators)}.");
            }
        }
    }

    private static FormCondition Normalize(FormCondition? condition) =>
        condition is null ? FormCondition.None : condition with { ActionType = condition.ActionType ?? "Show", LogicType = condition.LogicType ?? "All", Rules = condition.Rules ?? [] };

    /// <summary>A stable id for a field or fieldset the file does not number (name-based, like a UUID v5).</summary>
    private static Guid DerivedId(Guid formId, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(formId.ToString("N") + "/" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16));
    }
}
