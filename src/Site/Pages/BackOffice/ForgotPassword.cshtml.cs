using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice;

/// <summary>Sends a reset link. The answer is the same whether the address has an account or not.</summary>
public sealed class ForgotPasswordModel(UserManager<BackOfficeUser> users, IMailSender mail, SignInThrottle throttle, IOptions<BackOfficeOptions> options, ILogger<ForgotPasswordModel> logger) : BackOfficePageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!throttle.TryAcquire(HttpContext))
        {
            Error = "Trop de demandes depuis cette adresse. Réessayez dans une minute.";
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var email = (Email ?? "").Trim();
        if (email.Length is > 0 and <= 256 && await users.FindByEmailAsync(email) is { } user)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{Request.Scheme}://{Request.Host}";
            var link = $"{baseUrl}/backoffice/reinitialiser?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
            var text = $"""
                Bonjour,

                Une réinitialisation du mot de passe de votre compte du back office du pôle ESS a été demandée.
                Choisissez un nouveau mot de passe avec ce lien (valable 2 heures) :

                {link}

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas.
                """;
            try
            {
                await mail.SendAsync(new OutgoingMail(user.Email!, "Réinitialiser votre mot de passe", text), HttpContext.RequestAborted);
            }
            catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException)
            {
                logger.LogWarning(exception, "Password reset mail could not be sent.");
            }
        }
        Sent = true;
        return Page();
    }
}
