using PoleKnowledge.Cms.Indexing;

namespace PoleKnowledge.Cms.Tests.Indexing;

public sealed class ContentIndexFieldNamesTests
{
    [Fact]
    public void KeyOrderOf_FollowsGuidCompareTo()
    {
        var random = new Random(42);
        var keys = Enumerable.Range(0, 2000).Select(_ =>
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }).ToList();
        var byGuid = keys.Order().ToList();
        var byKeyOrder = keys.OrderBy(ContentIndexFieldNames.KeyOrderOf).ToList();
        Assert.Equal(byGuid, byKeyOrder);
    }
}
