using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Members;

namespace PoleKnowledge.Site.Pages.Pole.Members;

/// <summary><c>/espace-membre/inscription</c>: create a member account; an e-mail confirms the address.</summary>
public sealed class RegisterModel(UserManager<PoleMember> users, MemberAccountStore accounts) : MemberPageModel(users)
{
    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string DisplayName { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public bool Consent { get; set; }
    public Dictionary<string, string> Errors { get; } = [];
    public bool Done { get; private set; }

    public void OnGet() => ViewData["Title"] = "Créer un compte membre";

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = "Créer un compte membre";
        if (!FormEntryValidator.IsEmail(Email.Trim()))
        {
            Errors["email"] = "Adresse électronique invalide (ex. prenom.nom@exemple.fr).";
        }
        if (string.IsNullOrWhiteSpace(DisplayName) || DisplayName.Length > 200)
        {
            Errors["displayName"] = "Indiquez votre nom (200 caractères au plus).";
        }
        if (!Consent)
        {
            Errors["consent"] = "Votre consentement est nécessaire pour créer un compte.";
        }
        if (Errors.Count == 0)
        {
            var result = await accounts.RegisterAsync(Email, Password, DisplayName, BaseUrl, HttpContext.RequestAborted);
            foreach (var error in result.Errors)
            {
                var key = error.Code.Contains("Password", StringComparison.Ordinal) ? "password" : "email";
                Errors[key] = (Errors.TryGetValue(key, out var previous) ? previous + " " : "") + Translate(error);
            }
            Done = result.Succeeded;
        }
        if (!Done)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }

    /// <summary>Identity's errors in French (shared with the password reset page).</summary>
    internal static string Translate(IdentityError error) => error.Code switch
    {
        "DuplicateEmail" or "DuplicateUserName" => "Un compte existe déjà avec cette adresse.",
        "PasswordTooShort" => "Le mot de passe doit comporter au moins 12 caractères.",
        "PasswordRequiresDigit" => "Le mot de passe doit contenir un chiffre.",
        "PasswordRequiresLower" => "Le mot de passe doit contenir une minuscule.",
        "PasswordRequiresUpper" => "Le mot de passe doit contenir une majuscule.",
        _ => error.Description,
    };
}
