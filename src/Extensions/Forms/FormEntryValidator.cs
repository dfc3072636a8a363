using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using PoleKnowledge.Cms.Media;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// The server's check of an entry against its definition: every posted alias must be a field of the form;
/// fields hidden by a condition are skipped and their values dropped; shown fields are checked for
/// required, length, pattern, e-mail and date formats, choices, consent and file rules.
/// </summary>
public static class FormEntryValidator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Validates the pages up to <paramref name="lastPage"/> (all when null): a multi-page form is checked step by step in order.</summary>
    public static FormValidationResult Validate(FormDefinition form, IReadOnlyDictionary<string, FormValue> values, int? lastPage = null)
    {
        var result = new FormValidationResult();
        foreach (var alias in values.Keys.Where(a => form.FindField(a) is null && a != form.HoneypotAlias))
        {
            result.Add(alias, "Ce champ ne fait pas partie du formulaire.");
        }
        var pages = form.Pages.Take((lastPage ?? form.Pages.Count - 1) + 1);
        foreach (var page in pages)
        {
            foreach (var field in page.Fields)
            {
                if (!FormConditionEvaluator.IsShown(page, field, values))
                {
                    continue;
                }
                var value = values.GetValueOrDefault(field.Alias);
                if (!field.Type.AcceptsValue)
                {
                    if (value is not null && !value.IsEmpty)
                    {
                        result.Add(field.Alias, "Ce champ n'attend pas de valeur.");
                    }
                    continue;
                }
                if (value is null || value.IsEmpty)
                {
                    if (field.Required)
                    {
                        result.Add(field.Alias, field.RequiredErrorMessage);
                    }
                    continue;
                }
                if (Check(field, value, result))
                {
                    result.Accepted[field.Alias] = value;
                }
            }
        }
        return result;
    }

    private static bool Check(FormField field, FormValue value, FormValidationResult result)
    {
        var before = result.Errors.Count;
        if (field.Type == FormFieldType.FileUpload)
        {
            CheckFiles(field, value, result);
            return result.Errors.Count == before;
        }
        if (value.Files.Count > 0)
        {
            result.Add(field.Alias, "Ce champ n'accepte pas de fichier.");
            return false;
        }
        if (value.Texts.Count > 1 && !field.Type.MultipleValues)
        {
            result.Add(field.Alias, "Une seule valeur est attendue.");
            return false;
        }
        foreach (var text in value.Texts)
        {
            if (text.Length > field.EffectiveMaxLength)
            {
                result.Add(field.Alias, $"{field.EffectiveMaxLength} caractères au plus.");
                continue;
            }
            if (field.Type.HasChoices && !field.PreValues.Any(p => string.Equals(p.Value, text, StringComparison.Ordinal)))
            {
                result.Add(field.Alias, $"« {Shorten(text)} » ne fait pas partie des choix proposés.");
            }
            if (field.Type == FormFieldType.Email && !IsEmail(text))
            {
                result.Add(field.Alias, "Adresse électronique invalide (ex. prenom.nom@exemple.fr).");
            }
            if (field.Type == FormFieldType.Date && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                result.Add(field.Alias, "Date attendue au format AAAA-MM-JJ.");
            }
            if ((field.Type == FormFieldType.Checkbox || field.Type == FormFieldType.DataConsent) && !value.IsOn && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase))
            {
                result.Add(field.Alias, "Valeur attendue : « on » (coché).");
            }
            if (field.Pattern.Length > 0 && !Matches(field.Pattern, text))
            {
                result.Add(field.Alias, field.PatternInvalidErrorMessage);
            }
            else if (field.Settings.TryGetValue("validator", out var validator) && NamedValidator(validator, text) is { } problem)
            {
                result.Add(field.Alias, problem);
            }
        }
        if (field.Type == FormFieldType.DataConsent && field.Required && !value.IsOn)
        {
            result.Add(field.Alias, field.RequiredErrorMessage);
        }
        return result.Errors.Count == before;
    }

    private static void CheckFiles(FormField field, FormValue value, FormValidationResult result)
    {
        var options = field.FileUploadOptions!;
        if (value.Texts.Any(t => t.Length > 0))
        {
            result.Add(field.Alias, "Un fichier est attendu : { fileName, fileContents } avec une URL data: en base64.");
            return;
        }
        var max = options.AllowMultipleFileUploads ? options.MaxFiles : 1;
        if (value.Files.Count > max)
        {
            result.Add(field.Alias, $"{max} fichier{(max > 1 ? "s" : "")} au plus.");
            return;
        }
        foreach (var file in value.Files)
        {
            var extension = Path.GetExtension(file.FileName).TrimStart('.').ToLowerInvariant();
            if (!options.AllowedUploadExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            {
                result.Add(field.Alias, $"« {Shorten(file.FileName)} » : formats acceptés {string.Join(", ", options.AllowedUploadExtensions)}.");
                continue;
            }
            if (file.Content.Length > options.MaxFileSizeKb * 1024L)
            {
                result.Add(field.Alias, $"« {Shorten(file.FileName)} » dépasse {options.MaxFileSizeKb / 1024.0:0.#} Mo.");
                continue;
            }
            // The bytes decide, not the name: a renamed executable or a text file called .pdf is refused.
            var sniffed = MediaSniffer.Sniff(file.Content);
            if (sniffed is null || sniffed != MediaFormat.FromExtension(extension))
            {
                result.Add(field.Alias, $"« {Shorten(file.FileName)} » n'est pas un fichier {extension.ToUpperInvariant()} valide.");
            }
        }
    }

    /// <summary>Identifier checks a regex cannot do (check digits): <c>settings.validator</c> = <c>siret</c>, <c>siren</c> or <c>rna</c>.</summary>
    private static string? NamedValidator(string validator, string text)
    {
        string? error = null;
        switch (validator)
        {
            case "siret":
                // The French message: SiretValidator's own messages are written for the back office (English).
                return Structures.SiretValidator.Normalize(text, out _) is null ? "Ce SIRET n'est pas valide : 14 chiffres dont une clé de contrôle (Luhn)." : null;
            case "siren":
                Structures.SirenValidator.Normalize(text, out error);
                return error;
            case "rna":
                Structures.RnaValidator.Normalize(text, out error);
                return error;
            default:
                return null;
        }
    }

    private static bool Matches(string pattern, string text)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static bool IsEmail(string text) =>
        text.Length <= 254 && MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
