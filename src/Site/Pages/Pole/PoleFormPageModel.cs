using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PoleKnowledge.Extensions.Forms;

namespace PoleKnowledge.Site.Pages.Pole;

/// <summary>
/// A form of <c>content-schema/forms/</c> as a plain HTML page that works without JavaScript: one page of
/// the form per request, the answers of earlier pages carried in a protected hidden field (so the steps
/// cannot be skipped or forged), anti-forgery by Razor Pages, then the same <see cref="FormSubmissionProcessor"/>
/// as the Forms API on the last page.
/// </summary>
public abstract class PoleFormPageModel(FormSubmissionProcessor processor, FormFillToken fillTokens, IDataProtectionProvider protection) : PageModel
{
    private readonly IDataProtector _state = protection.CreateProtector("PoleKnowledge.Forms.PageState");

    public FormDefinition Form { get; protected set; } = null!;
    public int Step { get; private set; }
    public Dictionary<string, FormValue> Values { get; private set; } = new(StringComparer.Ordinal);
    public Dictionary<string, string[]> Errors { get; private set; } = new(StringComparer.Ordinal);
    public string? DoneMessage { get; private set; }
    public string? StateToken { get; private set; }
    public string FillToken { get; private set; } = "";
    public FormPage CurrentPage => Form.Pages[Step];
    public bool IsLastStep => Step == Form.Pages.Count - 1;

    /// <summary>The page the entry is about (the working group), sent as the Forms API's <c>contentId</c>.</summary>
    protected virtual Guid? ContentKey => null;

    protected void StartForm()
    {
        FillToken = fillTokens.Issue(Form);
    }

    protected async Task<IActionResult> PostFormAsync(string? direction)
    {
        var state = ReadState();
        if (state is null)
        {
            Errors[""] = ["Le formulaire a expiré ou a été modifié : merci de recommencer."];
            StartForm();
            return Page();
        }
        Step = Math.Clamp(state.Step, 0, Form.Pages.Count - 1);
        FillToken = Request.Form[FormFillToken.FieldName].ToString();
        Values = state.Values.ToDictionary(v => v.Key, v => FormValue.Text([.. v.Value]), StringComparer.Ordinal);
        foreach (var field in CurrentPage.Fields.Where(f => f.Type.AcceptsValue))
        {
            Values.Remove(field.Alias);
            var files = Request.Form.Files.GetFiles(field.Alias);
            if (files.Count > 0 && files.Any(f => f.Length > 0))
            {
                var read = new List<FormUpload>();
                foreach (var file in files.Where(f => f.Length > 0))
                {
                    using var memory = new MemoryStream();
                    await file.CopyToAsync(memory, HttpContext.RequestAborted);
                    read.Add(new FormUpload(Path.GetFileName(file.FileName), memory.ToArray()));
                }
                Values[field.Alias] = new FormValue([], read);
            }
            else if (Request.Form.TryGetValue(field.Alias, out var posted))
            {
                Values[field.Alias] = FormValue.Text([.. posted.Select(p => p ?? "")]);
            }
        }
        var honeypot = Request.Form[Form.HoneypotAlias].ToString();
        if (direction == "previous" && Step > 0)
        {
            Step--;
            return Page();
        }
        if (!IsLastStep)
        {
            var check = FormEntryValidator.Validate(Form, Values, Step);
            var pageAliases = CurrentPage.Fields.Select(f => f.Alias).ToHashSet(StringComparer.Ordinal);
            Errors = check.Errors.Where(e => pageAliases.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
            if (Errors.Count == 0 && honeypot.Length == 0)
            {
                Step++;
            }
            return Page();
        }
        var request = new FormEntryRequest { ContentId = ContentKey?.ToString(), Culture = "fr-FR" };
        foreach (var (alias, value) in Values)
        {
            request.Values[alias] = value;
        }
        if (honeypot.Length > 0)
        {
            request.Values[Form.HoneypotAlias] = FormValue.Text(honeypot);
        }
        var outcome = await SubmitEntryAsync(request);
        switch (outcome.Status)
        {
            case FormSubmissionStatus.Accepted or FormSubmissionStatus.Dropped:
                DoneMessage = outcome.Message;
                return Page();
            case FormSubmissionStatus.Invalid:
                Errors = outcome.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
                // Go back to the first page with an error, so the person sees it next to its field.
                var firstWithError = Form.Pages.Select((p, i) => (p, i)).FirstOrDefault(x => x.p.Fields.Any(f => Errors.ContainsKey(f.Alias))).i;
                Step = Errors.Keys.Any(k => Form.FindField(k) is not null) ? firstWithError : Step;
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                return Page();
            default:
                Errors[""] = [outcome.Message ?? "Envoi impossible."];
                StartForm();
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
        }
    }

    /// <summary>What the last page does with the answers: by default, the Forms engine (honeypot, fill time, validation, handler or store).</summary>
    protected virtual Task<FormSubmissionOutcome> SubmitEntryAsync(FormEntryRequest request) =>
        processor.SubmitAsync(Form, request, new FormSubmissionContext(false, FillToken, $"{Request.Scheme}://{Request.Host}{Request.PathBase}") { VerifiedEmail = VerifiedEmail }, HttpContext.RequestAborted);

    /// <summary>The signed-in member's confirmed e-mail (set by pages that know the member).</summary>
    protected string? VerifiedEmail { get; set; }

    /// <summary>Starts the form with values (an existing profile being edited).</summary>
    protected void Prefill(Dictionary<string, FormValue> values) => Values = values;

    /// <summary>The protected answers of the other pages and the step reached, written into the page.</summary>
    public string ProtectState()
    {
        var others = Values.Where(v => v.Value.Files.Count == 0).ToDictionary(v => v.Key, v => v.Value.Texts.ToArray());
        return _state.Protect(JsonSerializer.Serialize(new PageState(Step, others)));
    }

    private PageState? ReadState()
    {
        var token = Request.Form["__state"].ToString();
        if (token.Length == 0)
        {
            return new PageState(0, []);
        }
        try
        {
            return JsonSerializer.Deserialize<PageState>(_state.Unprotect(token));
        }
        catch (Exception exception) when (exception is CryptographicException or JsonException)
        {
            return null;
        }
    }

    public string[] ErrorsFor(string alias) => Errors.TryGetValue(alias, out var messages) ? messages : [];

    public IReadOnlyList<string> ValueOf(string alias) => Values.TryGetValue(alias, out var value) ? value.Texts : [];

    private sealed record PageState(int Step, Dictionary<string, string[]> Values);
}
