using PoleKnowledge.Cms.Persistence.Store;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>One node of the content tree panel: the roots, and the children along the path to the open folder.</summary>
public sealed record TreeNode(Guid Key, string Name, bool Current, IReadOnlyList<TreeNode> Children)
{
    private const int MaxPerLevel = 50;

    public static async Task<IReadOnlyList<TreeNode>> BuildAsync(ContentStore store, Guid? current, IReadOnlyList<Guid> ancestors, CancellationToken cancellationToken)
    {
        var path = ancestors.Concat(current is { } c ? [c] : []).ToList();
        return await LevelAsync(store, null, path, current, cancellationToken);
    }

    private static async Task<IReadOnlyList<TreeNode>> LevelAsync(ContentStore store, Guid? parent, List<Guid> path, Guid? current, CancellationToken cancellationToken)
    {
        var (_, rows) = await store.ListAsync(new ContentListQuery { ParentKey = parent, Take = MaxPerLevel }, cancellationToken);
        var nodes = new List<TreeNode>();
        foreach (var row in rows.Where(r => r.HasChildren || path.Contains(r.Key)))
        {
            var children = path.Contains(row.Key) ? await LevelAsync(store, row.Key, path, current, cancellationToken) : [];
            nodes.Add(new TreeNode(row.Key, row.Name, row.Key == current, children));
        }
        return nodes;
    }
}
