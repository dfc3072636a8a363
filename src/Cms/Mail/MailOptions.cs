namespace PoleKnowledge.Cms.Mail;

/// <summary>
/// Configuration section <c>Mail</c>. Without <see cref="SmtpHost"/>, mail goes to the pickup folder
/// (<c>App_Data/mail/</c> unless <see cref="PickupPath"/> says otherwise): development and tests read it there.
/// The SMTP password comes from user secrets or the environment (<c>Mail__SmtpPassword</c>), never from the repo.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string FromAddress { get; set; } = "ne-pas-repondre@pole-ess-rennes.fr";
    public string FromName { get; set; } = "Pôle ESS du Pays de Rennes";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    /// <summary><c>Auto</c>, <c>StartTls</c>, <c>SslOnConnect</c> or <c>None</c>.</summary>
    public string SmtpSecurity { get; set; } = "Auto";
    public string? SmtpUser { get; set; }
    public string? SmtpPassword { get; set; }
    public string? PickupPath { get; set; }

    public bool UsesPickupFolder => string.IsNullOrWhiteSpace(SmtpHost);
}
