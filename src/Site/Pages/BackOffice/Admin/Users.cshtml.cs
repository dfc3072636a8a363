using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Persistence;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Site.BackOffice;

namespace PoleKnowledge.Site.Pages.BackOffice.Admin;

/// <summary>Back-office accounts and their role (administrators only, by folder convention and checked again here).</summary>
public sealed class UsersModel(UserManager<BackOfficeUser> users, ContentStore store, EditorClock clock) : BackOfficePageModel
{
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Role { get; set; } = BackOfficeRoles.Writer;
    [BindProperty] public string? Password { get; set; }

    public EditorClock Clock => clock;
    public List<(BackOfficeUser User, string? Role, DateTime? LockedUntil)> Rows { get; } = [];
    public Dictionary<string, string> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (Role is null || !BackOfficeRoles.All.Contains(Role))
        {
            Role = BackOfficeRoles.Writer;
        }
        var email = (Email ?? "").Trim();
        if (email.Length == 0 || !email.Contains('@', StringComparison.Ordinal))
        {
            Errors["Email"] = "Saisissez une adresse e-mail valable.";
        }
        else
        {
            var user = new BackOfficeUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = DisplayName?.Trim() is { Length: > 0 } d ? d[..Math.Min(d.Length, 100)] : null, CreateDateUtc = clock.UtcNow };
            var result = await users.CreateAsync(user, Password ?? "");
            if (result.Succeeded)
            {
                await users.AddToRoleAsync(user, Role);
                await store.AddAuditAsync(Actor, "user-create", detail: $"{email} ({Role})", cancellationToken: HttpContext.RequestAborted);
                Flash = $"Compte {email} créé ({BackOfficeRoles.Label(Role)}).";
                return RedirectToPage();
            }
            foreach (var error in result.Errors)
            {
                var field = error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Password" : "Email";
                Errors[field] = Errors.TryGetValue(field, out var e) ? e + " " + IdentityMessages.Describe(error) : IdentityMessages.Describe(error);
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string? id, string? role)
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null || role is null || !BackOfficeRoles.All.Contains(role))
        {
            FlashError = "Utilisateur ou rôle inconnu.";
            return RedirectToPage();
        }
        if (user.Email == Actor && role != BackOfficeRoles.Administrator)
        {
            FlashError = "Vous ne pouvez pas retirer votre propre rôle d'administrateur·rice.";
            return RedirectToPage();
        }
        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        // New role, new stamp: the user's open sessions end and pick up the role at the next sign-in.
        await users.UpdateSecurityStampAsync(user);
        await store.AddAuditAsync(Actor, "user-update", detail: $"{user.Email} → {role}", cancellationToken: HttpContext.RequestAborted);
        Flash = $"{user.Email} : {BackOfficeRoles.Label(role)}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string? id)
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        if (id is not null && await users.FindByIdAsync(id) is { } user)
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await store.AddAuditAsync(Actor, "user-update", detail: $"{user.Email} unlocked", cancellationToken: HttpContext.RequestAborted);
            Flash = $"{user.Email} débloqué.";
        }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? id)
    {
        if (!IsAdministrator)
        {
            return Forbidden();
        }
        var user = id is null ? null : await users.FindByIdAsync(id);
        if (user is null)
        {
            FlashError = "Utilisateur inconnu.";
            return RedirectToPage();
        }
        if (user.Email == Actor)
        {
            FlashError = "Vous ne pouvez pas supprimer votre propre compte.";
            return RedirectToPage();
        }
        await users.DeleteAsync(user);
        await store.AddAuditAsync(Actor, "user-delete", detail: user.Email, cancellationToken: HttpContext.RequestAborted);
        Flash = $"Compte {user.Email} supprimé.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var now = clock.UtcNow;
        foreach (var user in await users.Users.OrderBy(u => u.Email).Take(500).ToListAsync(HttpContext.RequestAborted))
        {
            var roles = await users.GetRolesAsync(user);
            Rows.Add((user, roles.FirstOrDefault(), user.LockoutEnd is { } end && end.UtcDateTime > now ? end.UtcDateTime : null));
        }
    }
}
