using PoleKnowledge.Cms.Tests.Indexing;

namespace PoleKnowledge.Cms.Tests.Delivery.Querying;

/// <summary>The test tree indexed once for the read-only query tests.</summary>
public sealed class DeliveryQueryFixture : IAsyncLifetime
{
    internal IndexTestHost Host { get; } = new(TestSchema.Current);

    public Task InitializeAsync() => Host.LoadAsync(IndexTestTree.Build(), 10);

    public Task DisposeAsync()
    {
        Host.Dispose();
        Host.DeleteData();
        return Task.CompletedTask;
    }
}
