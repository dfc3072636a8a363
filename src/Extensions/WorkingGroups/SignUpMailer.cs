using System.Globalization;
using System.Text;
using PoleKnowledge.Cms.Mail;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>The sign-up e-mails, in French: double opt-in, confirmation (with the sessions as <c>.ics</c> and a cancellation link), waiting list, promotion.</summary>
public sealed class SignUpMailer(IMailSender mail)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public Task SendOptInAsync(string email, string name, WorkingGroup group, string baseUrl, string confirmToken, CancellationToken cancellationToken)
    {
        var text = $"""
            Bonjour {name},

            Vous avez demandé à vous inscrire au groupe de travail « {group.Name} » du pôle ESS du Pays de Rennes.
            Pour confirmer votre adresse et votre inscription, ouvrez ce lien :

            {SignUpRoutes.ConfirmLink(baseUrl, confirmToken)}

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne sera enregistré de plus.

            Le pôle ESS du Pays de Rennes
            """;
        return mail.SendAsync(new OutgoingMail(email, $"Confirmez votre inscription : {group.Name}", text) { ToName = name }, cancellationToken);
    }

    public Task SendConfirmedAsync(string email, string name, WorkingGroup group, string baseUrl, string cancelToken, bool promoted, CancellationToken cancellationToken)
    {
        var intro = promoted
            ? $"Une place s'est libérée : vous quittez la liste d'attente et votre inscription au groupe « {group.Name} » est confirmée."
            : $"Votre inscription au groupe de travail « {group.Name} » est confirmée.";
        var text = $"""
            Bonjour {name},

            {intro}

            {Sessions(group)}
            Le calendrier des séances est joint (fichier .ics, à ouvrir avec votre agenda).

            Vous ne pouvez plus participer ? Annulez votre inscription pour libérer votre place :
            {SignUpRoutes.CancelLink(baseUrl, cancelToken)}

            Le pôle ESS du Pays de Rennes
            """;
        var ics = Encoding.UTF8.GetBytes(GroupCalendar.ToIcs(group, baseUrl));
        return mail.SendAsync(new OutgoingMail(email, promoted ? $"Une place s'est libérée : {group.Name}" : $"Inscription confirmée : {group.Name}", text)
        {
            ToName = name,
            Attachments = [new MailAttachment("seances.ics", "text/calendar", ics)],
        }, cancellationToken);
    }

    public Task SendWaitingAsync(string email, string name, WorkingGroup group, string baseUrl, string cancelToken, int rank, CancellationToken cancellationToken)
    {
        var text = $"""
            Bonjour {name},

            Le groupe de travail « {group.Name} » est complet : vous êtes inscrit·e sur la liste d'attente, en position {rank}.
            Si une place se libère, elle vous sera attribuée automatiquement et vous recevrez un e-mail de confirmation.

            Pour quitter la liste d'attente :
            {SignUpRoutes.CancelLink(baseUrl, cancelToken)}

            Le pôle ESS du Pays de Rennes
            """;
        return mail.SendAsync(new OutgoingMail(email, $"Liste d'attente : {group.Name}", text) { ToName = name }, cancellationToken);
    }

    private static string Sessions(WorkingGroup group)
    {
        if (group.Sessions.Count == 0)
        {
            return "Les dates des séances vous seront communiquées prochainement.\n";
        }
        var text = new StringBuilder("Séances :\n");
        foreach (var session in group.Sessions)
        {
            var local = TimeZoneInfo.ConvertTime(session.Start, Paris);
            text.Append(CultureInfo.InvariantCulture, $"- {local.ToString("dddd d MMMM yyyy 'à' HH'h'mm", French)} : {session.Topic}{(session.Place is { Length: > 0 } place ? $" ({place})" : "")}\n");
        }
        return text.ToString();
    }

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Paris", out var zone) ? zone : TimeZoneInfo.Utc;
}
