using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Mail;
using PoleKnowledge.Cms.Persistence.Store;
using PoleKnowledge.Cms.Publishing;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Extensions.Persistence;
using PoleKnowledge.Extensions.WorkingGroups;

namespace PoleKnowledge.Extensions.Members;

/// <summary>
/// Structure profiles as members manage them: a <c>structureProfile</c> content item saved as a draft (an
/// editor reviews and publishes it), with the fields and mapping of the <c>structureRegistration</c> form.
/// Only the members of a structure may change it; the owner invites others by e-mail.
/// </summary>
public sealed class StructureProfileStore(ContentStore content, PublishedContentCache cache, FormCatalog forms, PoleDbContextFactory contexts, IMailSender mail, TimeProvider time)
{
    public const string FormAlias = "structureRegistration";
    public const string ContentType = "structureProfile";

    public FormDefinition Form => forms.Find(FormAlias) ?? throw new InvalidOperationException("content-schema/forms has no structureRegistration form.");

    private FormWorkflow Mapping => Form.Workflows.Single(w => w.Type == "saveAsContent");

    public string? NameOf(Guid key) => cache.Get(key)?.Cultures.Values.FirstOrDefault()?.Name;

    public async Task<IReadOnlyList<(Guid Key, string Name, bool IsOwner)>> ManagedByAsync(string memberId, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        var rows = await db.StructureMemberships.AsNoTracking().Where(m => m.MemberId == memberId).ToListAsync(cancellationToken);
        var result = new List<(Guid, string, bool)>();
        foreach (var row in rows)
        {
            var item = await content.GetAsync(row.StructureKey, cancellationToken);
            result.Add((row.StructureKey, item?.Data.Names.Values.FirstOrDefault() ?? "(supprimée)", row.IsOwner));
        }
        return result;
    }

    public async Task<bool> IsManagerAsync(string memberId, Guid key, bool ownerOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = contexts.CreateDbContext();
        return await db.StructureMemberships.AnyAsync(m => m.MemberId == memberId && m.StructureKey == key && (!ownerOnly || m.IsOwner), cancellationToken);
    }

    /// <summary>The current draft's values as form values (to pre-fill the page).</summary>
    public async Task<Dictionary<string, FormValue>> ReadAsync(Guid key, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, FormValue>(StringComparer.Ordinal);
        if (await content.GetAsync(key, cancellationToken) is not { } item)
        {
            return values;
        }
        var stored = item.Data.InvariantValues;
        foreach (var (property, alias) in Mapping.Map)
        {
            switch (stored[property])
            {
                case JsonArray array:
                    values[alias] = FormValue.Text([.. array.Select(v => v?.ToString() ?? "")]);
                    break;
                case JsonNode node:
                    values[alias] = FormValue.Text(node.ToString());
                    break;
            }
        }
        values[Mapping.NameField!] = FormValue.Text(item.Data.Names.Values.FirstOrDefault() ?? "");
        return values;
    }

    /// <summary>Creates (key null: the member becomes owner) or updates a profile as a draft for review. Errors per form field.</summary>
    public async Task<(Guid? Key, IDictionary<string, string[]> Errors)> SaveAsync(string memberId, Guid? key, IReadOnlyDictionary<string, FormValue> values, CancellationToken cancellationToken = default)
    {
        if (key is { } existing && !await IsManagerAsync(memberId, existing, cancellationToken: cancellationToken))
        {
            return (null, new Dictionary<string, string[]> { [""] = ["Vous ne gérez pas cette structure."] });
        }
        var validation = FormEntryValidator.Validate(Form, values);
        if (!validation.IsValid)
        {
            return (null, validation.ToProblemErrors());
        }
        var mapped = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (property, alias) in Mapping.Map)
        {
            var field = Form.FindField(alias)!;
            var texts = validation.Accepted.TryGetValue(alias, out var v) ? v.Texts : [];
            mapped[property] = texts.Count == 0 ? null
                : field.Type.MultipleValues ? new JsonArray([.. texts.Select(t => (JsonNode?)JsonValue.Create(t))])
                : JsonValue.Create(texts[0].Trim());
        }
        var outcome = await content.SaveAsync(new ContentWrite
        {
            Key = key,
            ContentType = ContentType,
            ParentRoute = key is null ? Mapping.ParentRoute : null,
            Name = validation.Accepted[Mapping.NameField!].First.Trim(),
            Values = mapped,
            ReplaceValues = false,
            Publish = false,
        }, "member:" + memberId, cancellationToken);
        if (!outcome.Succeeded)
        {
            var reverse = Mapping.Map;
            return (null, outcome.Errors.GroupBy(e => reverse.GetValueOrDefault(e.Field, e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
        var savedKey = outcome.Item!.Key;
        if (key is null)
        {
            await using var db = contexts.CreateDbContext();
            db.StructureMemberships.Add(new StructureMembershipEntity { StructureKey = savedKey, MemberId = memberId, IsOwner = true, CreatedUtc = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }
        return (savedKey, new Dictionary<string, string[]>());
    }

    /// <summary>The owner invites someone to co-manage the structure: an e-mail with a link valid 14 days.</summary>
    public async Task<bool> InviteAsync(string ownerId, Guid key, string email, string baseUrl, CancellationToken cancellationToken = default)
    {
        if (!await IsManagerAsync(ownerId, key, ownerOnly: true, cancellationToken) || !FormEntryValidator.IsEmail(email.Trim()))
        {
            return false;
        }
        var token = SignUpTokens.New();
        await using (var db = contexts.CreateDbContext())
        {
            db.StructureInvitations.Add(new StructureInvitationEntity
            {
                Id = Guid.NewGuid(),
                StructureKey = key,
                Email = email.Trim().ToLowerInvariant(),
                TokenHash = SignUpTokens.Hash(token),
                InvitedBy = ownerId,
                CreatedUtc = time.GetUtcNow().UtcDateTime,
                ExpiresUtc = time.GetUtcNow().UtcDateTime.AddDays(14),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        var name = (await content.GetAsync(key, cancellationToken))?.Data.Names.Values.FirstOrDefault() ?? "une structure";
        var link = $"{baseUrl.TrimEnd('/')}{MemberAuthentication.Area}/invitation?jeton={Uri.EscapeDataString(token)}";
        await mail.SendAsync(new OutgoingMail(email.Trim(), $"Invitation à gérer la fiche « {name} »", $"""
            Bonjour,

            Vous êtes invité·e à gérer la fiche de « {name} » dans l'annuaire du pôle ESS du Pays de Rennes.
            Connectez-vous (ou créez votre compte membre avec cette adresse), puis ouvrez ce lien :

            {link}

            Le lien est valable 14 jours.
            """), cancellationToken);
        return true;
    }

    /// <summary>Accepts an invitation for the signed-in member, whose e-mail must be the invited one.</summary>
    public async Task<Guid?> AcceptInvitationAsync(PoleMember member, string token, CancellationToken cancellationToken = default)
    {
        var hash = SignUpTokens.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        var invitation = await db.StructureInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || invitation.AcceptedUtc is not null || invitation.ExpiresUtc < now
            || !string.Equals(invitation.Email, member.Email, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        invitation.AcceptedUtc = now;
        if (!await db.StructureMemberships.AnyAsync(m => m.StructureKey == invitation.StructureKey && m.MemberId == member.Id, cancellationToken))
        {
            db.StructureMemberships.Add(new StructureMembershipEntity { StructureKey = invitation.StructureKey, MemberId = member.Id, IsOwner = false, CreatedUtc = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        return invitation.StructureKey;
    }

    /// <summary>Withdraws a profile nobody manages any more: unpublished, then moved to the recycle bin.</summary>
    public async Task WithdrawAsync(Guid key, CancellationToken cancellationToken = default)
    {
        await content.UnpublishAsync(key, null, "member-deletion", cancellationToken);
        await content.TrashAsync(key, "member-deletion", cancellationToken);
    }
}
