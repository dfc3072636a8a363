using PoleKnowledge.Extensions.Forms;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// <c>pole.groupSignUp</c>: the accepted entries of the group sign-up form (content-schema/forms/group-signup.json)
/// become sign-ups of the group named by <c>contentId</c>. A closed or finished group and a second sign-up
/// with the same e-mail are refused with a 422 naming the field.
/// </summary>
public sealed class GroupSignUpFormHandler(SignUpStore signUps) : IFormSubmissionHandler
{
    public const string HandlerName = "pole.groupSignUp";

    public string Name => HandlerName;

    public async Task<FormHandlerResult> HandleAsync(FormEntry entry, CancellationToken cancellationToken)
    {
        if (entry.ContentKey is not { } groupKey)
        {
            return FormHandlerResult.Invalid("contentId", "Indiquez le groupe de travail (contentId).");
        }
        var outcome = await signUps.SignUpAsync(new SignUpRequest(
            groupKey,
            entry.Text("email"),
            entry.Text("name"),
            entry.Text("structureName"),
            entry.Text("role"),
            entry.Text("category"),
            entry.Text("brings"),
            string.Join(", ", entry.Texts("expects")),
            entry.Values.TryGetValue("consent", out var consent) && consent.IsOn,
            entry.BaseUrl)
        {
            // A signed-in member signing up with their own confirmed address needs no double opt-in.
            EmailVerified = entry.VerifiedEmail is { } verified && string.Equals(verified, entry.Text("email"), StringComparison.OrdinalIgnoreCase),
        }, cancellationToken);
        return outcome.Result switch
        {
            SignUpResult.PendingEmail => FormHandlerResult.Ok("Merci ! Un e-mail vient de vous être envoyé : cliquez sur le lien qu'il contient pour confirmer votre inscription."),
            SignUpResult.Confirmed => FormHandlerResult.Ok("Votre inscription est confirmée."),
            SignUpResult.Waiting => FormHandlerResult.Ok($"Le groupe est complet : vous êtes sur la liste d'attente (position {outcome.WaitingRank})."),
            SignUpResult.GroupNotFound => FormHandlerResult.Invalid("contentId", "Ce groupe de travail n'existe pas."),
            SignUpResult.GroupClosed => FormHandlerResult.Invalid("contentId", "Les inscriptions à ce groupe de travail ne sont pas ouvertes (groupe à venir, en cours ou terminé)."),
            SignUpResult.AlreadySignedUp => FormHandlerResult.Invalid("email", "Cette adresse est déjà inscrite à ce groupe de travail."),
            _ => FormHandlerResult.Invalid("contentId", "Inscription impossible."),
        };
    }
}
