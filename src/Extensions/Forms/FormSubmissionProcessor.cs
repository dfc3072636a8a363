using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// One submission, from the API or a public page, in a fixed order: honeypot (looks accepted, stores
/// nothing), fill time (browser posts only), validation against the definition, the form's handler or the
/// generic store with its workflows.
/// </summary>
public sealed class FormSubmissionProcessor(
    FormFillToken fillTokens,
    FormEntryStore entries,
    FormWorkflowRunner workflows,
    IServiceProvider services,
    ILogger<FormSubmissionProcessor> logger)
{
    public async Task<FormSubmissionOutcome> SubmitAsync(FormDefinition form, FormEntryRequest request, FormSubmissionContext context, CancellationToken cancellationToken)
    {
        if (request.Values.TryGetValue(form.HoneypotAlias, out var honeypot) && !honeypot.IsEmpty)
        {
            logger.LogInformation("Form {Form}: honeypot filled; entry dropped.", form.Alias);
            return FormSubmissionOutcome.Dropped(form.MessageOnSubmit);
        }
        if (!context.IsTrusted)
        {
            var age = fillTokens.Age(form, context.FillToken);
            if (age is null)
            {
                return FormSubmissionOutcome.BadRequest($"Jeton de formulaire absent, invalide ou expiré : rechargez le formulaire (en-tête {FormFillToken.HeaderName} reçu avec la définition).");
            }
            if (age.Value < TimeSpan.FromSeconds(form.MinimumFillSeconds))
            {
                logger.LogInformation("Form {Form}: posted {Seconds:0.0} s after it was served; entry dropped.", form.Alias, age.Value.TotalSeconds);
                return FormSubmissionOutcome.Dropped(form.MessageOnSubmit);
            }
        }
        var validation = FormEntryValidator.Validate(form, request.Values);
        foreach (var (alias, problem) in request.MalformedValues)
        {
            validation.Add(alias, form.FindField(alias) is null && alias != form.HoneypotAlias ? "Ce champ ne fait pas partie du formulaire." : problem);
        }
        Guid? contentKey = null;
        if (request.ContentId is { Length: > 0 } contentId)
        {
            if (Guid.TryParse(contentId, out var key))
            {
                contentKey = key;
            }
            else
            {
                validation.Add("contentId", "contentId doit être l'identifiant (GUID) de la page.");
            }
        }
        if (!validation.IsValid)
        {
            return FormSubmissionOutcome.Invalid(validation.ToProblemErrors());
        }
        var entry = new FormEntry(form, validation.Accepted, contentKey, request.Culture, context.BaseUrl) { VerifiedEmail = context.VerifiedEmail };
        if (form.Handler is { } handlerName)
        {
            var handler = services.GetServices<IFormSubmissionHandler>().FirstOrDefault(h => h.Name == handlerName)
                ?? throw new InvalidOperationException($"Form {form.Alias} names the handler '{handlerName}', which is not registered.");
            var handled = await handler.HandleAsync(entry, cancellationToken);
            return handled.Succeeded
                ? FormSubmissionOutcome.Accepted(handled.Message ?? form.MessageOnSubmit)
                : FormSubmissionOutcome.Invalid(handled.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        }
        var saved = await workflows.SaveAsContentAsync(entry, cancellationToken);
        if (!saved.Succeeded)
        {
            return FormSubmissionOutcome.Invalid(saved.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
        }
        var id = await entries.SaveAsync(entry, cancellationToken);
        await workflows.RunAfterStoreAsync(entry, id, cancellationToken);
        return FormSubmissionOutcome.Accepted(form.MessageOnSubmit);
    }
}
