using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// A protected "this form was served at T" stamp: served with the definition (header <c>X-Form-Token</c>) or
/// in a hidden field, and required back with browser posts. A post faster than the form's minimum fill time
/// is a bot; a missing or forged stamp is a bad request.
/// </summary>
public sealed class FormFillToken(IDataProtectionProvider protection, TimeProvider time)
{
    public const string HeaderName = "X-Form-Token";
    public const string FieldName = "__formToken";
    private static readonly TimeSpan MaxAge = TimeSpan.FromHours(24);
    private readonly IDataProtector _protector = protection.CreateProtector("PoleKnowledge.Forms.FillToken");

    public string Issue(FormDefinition form) =>
        _protector.Protect($"{form.Id:N}|{time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>How long ago the form was served, or null when the token is missing, forged, for another form or too old.</summary>
    public TimeSpan? Age(FormDefinition form, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('|');
        if (parts.Length != 2 || parts[0] != form.Id.ToString("N") || !long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks))
        {
            return null;
        }
        var age = time.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        return age > MaxAge || age < TimeSpan.Zero ? null : age;
    }
}
