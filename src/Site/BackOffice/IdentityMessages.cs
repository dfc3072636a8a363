using Microsoft.AspNetCore.Identity;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>Identity's error codes in French, as editors read them.</summary>
public static class IdentityMessages
{
    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(Describe).Distinct());

    public static string Describe(IdentityError error) => error.Code switch
    {
        "InvalidToken" => "Ce lien n'est pas valable ou a expiré. Demandez-en un nouveau.",
        "PasswordTooShort" => "Le mot de passe doit compter au moins 12 caractères.",
        "PasswordRequiresDigit" => "Le mot de passe doit contenir au moins un chiffre.",
        "PasswordRequiresLower" => "Le mot de passe doit contenir au moins une minuscule.",
        "PasswordRequiresUpper" => "Le mot de passe doit contenir au moins une majuscule.",
        "PasswordRequiresUniqueChars" => "Le mot de passe doit contenir au moins 4 caractères différents.",
        "PasswordMismatch" => "Le mot de passe actuel est incorrect.",
        "DuplicateEmail" or "DuplicateUserName" => "Un compte existe déjà avec cette adresse e-mail.",
        "InvalidEmail" or "InvalidUserName" => "Cette adresse e-mail n'est pas valable.",
        _ => error.Description,
    };
}
