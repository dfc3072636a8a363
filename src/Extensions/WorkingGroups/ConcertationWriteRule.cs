using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.PropertyEditors;

namespace PoleKnowledge.Extensions.WorkingGroups;

/// <summary>
/// Applies the <see cref="ConcertationRule"/> to every save of a working group, whatever the way in (management
/// API, back office, import): a concertation moving to « en cours » without a confirmed base structure is refused
/// on the <c>status</c> field. A group already « en cours » stays editable, and creating one (an import) is not a move. The rule is resolved when used: the
/// sign-up store it reads depends on the content store that calls this.
/// </summary>
internal sealed class ConcertationWriteRule(IServiceProvider services) : IContentWriteRule
{
    public async Task<IReadOnlyList<FieldError>> CheckAsync(ContentWriteCheck check, CancellationToken cancellationToken)
    {
        // A new item is not a move: importing a group that already runs (history, the demo content) is allowed.
        if (check.ContentType != WorkingGroupCatalog.ContentType || check.Before is null)
        {
            return [];
        }
        var status = Read(check.After, "status");
        if (status != WorkingGroupStatus.Running || Read(check.Before, "status") == WorkingGroupStatus.Running)
        {
            return [];
        }
        var refusal = await services.GetRequiredService<ConcertationRule>().CheckTransitionAsync(check.Key, Read(check.After, "modality"), status, cancellationToken);
        return refusal is null ? [] : [new FieldError("status", refusal)];
    }

    /// <summary>A dropdown's value: a string, or the first of a list.</summary>
    private static string? Read(ContentData? data, string alias) => data?.InvariantValues[alias] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonArray { Count: > 0 } list when list[0] is JsonValue first && first.TryGetValue<string>(out var text) => text,
        _ => null,
    };
}
