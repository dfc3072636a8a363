using System.Globalization;
using System.Text.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Cms.Persistence.Store;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Runs a form's workflows. <c>saveAsContent</c> runs before the entry is stored, because the content
/// schema may still refuse a value (a bad SIRET) and the sender must hear it; e-mail runs after, best effort,
/// and webhooks are queued for <see cref="FormWebhookSender"/>, which retries and logs: a failing receiver never
/// delays nor undoes an accepted entry.
/// </summary>
public sealed class FormWorkflowRunner(ContentStore content, IMailSender mail, FormWebhookSender webhooks, ILogger<FormWorkflowRunner> logger)
{
    public const string HttpClientName = "PoleForms.Webhooks";

    /// <summary>Creates the draft items of <c>saveAsContent</c> workflows; errors come back per form field alias.</summary>
    public async Task<FormHandlerResult> SaveAsContentAsync(FormEntry entry, CancellationToken cancellationToken)
    {
        foreach (var workflow in entry.Form.Workflows.Where(w => w.Type == "saveAsContent"))
        {
            var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            foreach (var (property, alias) in workflow.Map)
            {
                var field = entry.Form.FindField(alias);
                var texts = entry.Texts(alias);
                if (texts.Count == 0)
                {
                    continue;
                }
                values[property] = field?.Type.MultipleValues == true
                    ? new JsonArray(texts.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray())
                    : long.TryParse(texts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && field?.Type != FormFieldType.ShortAnswer
                        ? JsonValue.Create(number)
                        : JsonValue.Create(texts[0].Trim());
            }
            var outcome = await content.SaveAsync(new ContentWrite
            {
                ContentType = workflow.ContentType!,
                ParentRoute = workflow.ParentRoute,
                Name = entry.Text(workflow.NameField!),
                Values = values,
                Publish = false,
            }, "form:" + entry.Form.Alias, cancellationToken);
            if (!outcome.Succeeded)
            {
                var reverse = workflow.Map.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal);
                var errors = outcome.Errors.Count > 0
                    ? outcome.Errors.GroupBy(e => reverse.GetValueOrDefault(e.Field, e.Field == "name" ? workflow.NameField! : e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray())
                    : new Dictionary<string, string[]> { [workflow.NameField!] = [outcome.Message ?? "Enregistrement impossible."] };
                return new FormHandlerResult(errors);
            }
            logger.LogInformation("Form {Form}: draft {ContentType} {Key} created for review.", entry.Form.Alias, workflow.ContentType, outcome.Item?.Key);
        }
        return FormHandlerResult.Ok();
    }

    /// <summary>E-mails and webhooks, after the entry is stored.</summary>
    public async Task RunAfterStoreAsync(FormEntry entry, Guid entryId, CancellationToken cancellationToken)
    {
        foreach (var workflow in entry.Form.Workflows)
        {
            try
            {
                if (workflow.Type == "sendEmail")
                {
                    await mail.SendAsync(new OutgoingMail(workflow.To!, workflow.Subject ?? $"Nouvelle réponse : {entry.Form.Name}", Describe(entry, entryId)), cancellationToken);
                }
                else if (workflow.Type == "webhook")
                {
                    var body = JsonSerializer.SerializeToUtf8Bytes(new
                    {
                        formId = entry.Form.Id,
                        form = entry.Form.Alias,
                        entryId,
                        contentId = entry.ContentKey,
                        values = entry.Values.ToDictionary(v => v.Key, v => v.Value.Files.Count > 0 ? (object)v.Value.Files.Select(f => f.FileName) : v.Value.Texts),
                    }, WebhookJson);
                    webhooks.Enqueue(new FormWebhookDelivery(entry.Form.Alias, entryId, new Uri(workflow.Url!), body));
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
            {
                logger.LogWarning(exception, "Form {Form}: workflow {Type} failed for entry {Entry}.", entry.Form.Alias, workflow.Type, entryId);
            }
        }
    }

    private static readonly JsonSerializerOptions WebhookJson = new(JsonSerializerDefaults.Web);

    private static string Describe(FormEntry entry, Guid entryId)
    {
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"Formulaire : {entry.Form.Name}").AppendLine(CultureInfo.InvariantCulture, $"Réponse : {entryId}").AppendLine();
        foreach (var field in entry.Form.Fields.Where(f => entry.Values.ContainsKey(f.Alias)))
        {
            var value = entry.Values[field.Alias];
            var shown = value.Files.Count > 0 ? string.Join(", ", value.Files.Select(f => f.FileName)) : string.Join(", ", value.Texts);
            text.AppendLine(CultureInfo.InvariantCulture, $"{field.Caption} : {shown}");
        }
        return text.ToString();
    }
}
