using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Content;
using PoleKnowledge.Cms.Webhooks;
using PoleKnowledge.Site.Tests.BackOffice;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Webhooks;

/// <summary>
/// Webhooks end to end: an edit in the hub → change feed → queued delivery → a signed POST received by a real
/// HTTP server on loopback; retries after a failure on the fake clock; filtering by state, event and type.
/// </summary>
public sealed class WebhookDeliveryTests(WebhookFixture hub) : IClassFixture<WebhookFixture>
{
    private WebhookReceiver Receiver => hub.Receiver;

    [Fact]
    public async Task Publish_MatchingHook_PostsSignedDeliveryApiItem()
    {
        var (_, secret) = await hub.CreateHookAsync("/publish", [WebhookEvents.ContentPublish]);
        var key = await hub.AnyResourceAsync();

        var outcome = await hub.Store.PublishAsync(key, null, "tests");
        Assert.True(outcome.Status == ContentStatus.Ok, outcome.Message);

        await Wait.UntilAsync(() => Task.FromResult(Receiver.To("/publish").Count > 0), "the publish webhook is received");
        var request = Receiver.To("/publish")[0];
        Assert.Equal(WebhookEvents.ContentPublish, request.Header("umb-webhook-event"));
        Assert.Equal("0", request.Header("umb-webhook-retryCount"));
        Assert.StartsWith("application/json", request.Header("content-type"), StringComparison.Ordinal);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), request.Body));
        Assert.Equal(expected, request.Header(WebhookSignature.HeaderName));
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(key.ToString("D"), json.RootElement.GetProperty("id").GetString());
        Assert.Equal("resource", json.RootElement.GetProperty("contentType").GetString());
        Assert.StartsWith("/", json.RootElement.GetProperty("route").GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("properties").ValueKind);
    }

    [Fact]
    public async Task Delivery_ReceiverAnswers500_RetriedAfterBackoffWithRetryCount()
    {
        var (hookKey, _) = await hub.CreateHookAsync("/flaky", [WebhookEvents.ContentUnpublish]);
        Receiver.AnswerNext("/flaky", 500);
        var key = await hub.AnyResourceAsync();

        Assert.Equal(ContentStatus.Ok, (await hub.Store.UnpublishAsync(key, null, "tests")).Status);

        await Wait.UntilAsync(() => Task.FromResult(Receiver.To("/flaky").Count == 1), "the first attempt is received");
        WebhookDelivery? first = null;
        await Wait.UntilAsync(async () => (first = (await hub.Webhooks.ListDeliveriesAsync(hookKey, 0, 10)).Items.SingleOrDefault())?.StatusCode == 500, "the failed attempt is logged");
        Assert.Equal(WebhookDeliveryStatus.Pending, first!.Status);
        Assert.Equal(1, first.Attempts);
        Assert.NotNull(first.NextAttempt);
        Assert.Equal("erreur du destinataire", first.Response);

        // Not due yet: nothing is sent before the backoff has passed.
        await Task.Delay(400);
        Assert.Single(Receiver.To("/flaky"));
        hub.Factory.Clock.Advance(TimeSpan.FromSeconds(31));

        await Wait.UntilAsync(() => Task.FromResult(Receiver.To("/flaky").Count == 2), "the retry is received");
        Assert.Equal("1", Receiver.To("/flaky")[1].Header("umb-webhook-retryCount"));
        using var json = JsonDocument.Parse(Receiver.To("/flaky")[1].Body);
        Assert.Equal(key.ToString("D"), json.RootElement.GetProperty("id").GetString());
        await Wait.UntilAsync(async () => (await hub.Webhooks.ListDeliveriesAsync(hookKey, 0, 10)).Items.Single().Status == WebhookDeliveryStatus.Succeeded, "the retry is logged as delivered");
        Assert.Equal(ContentStatus.Ok, (await hub.Store.PublishAsync(key, null, "tests")).Status);
    }

    [Fact]
    public async Task Publish_DisabledHookOtherEventOtherType_NothingSent()
    {
        var (disabled, _) = await hub.CreateHookAsync("/disabled", [WebhookEvents.ContentPublish], enabled: false);
        var (otherEvent, _) = await hub.CreateHookAsync("/other-event", [WebhookEvents.MediaDelete, WebhookEvents.ContentUnpublish]);
        var (otherType, _) = await hub.CreateHookAsync("/other-type", [WebhookEvents.ContentPublish], ["page", "event"]);
        var (sameType, _) = await hub.CreateHookAsync("/same-type", [WebhookEvents.ContentPublish], ["resource"]);
        var key = await hub.AnyResourceAsync();

        Assert.Equal(ContentStatus.Ok, (await hub.Store.PublishAsync(key, null, "tests")).Status);

        // The matching hook's delivery is queued in the same transaction as any other: once it arrives, none else exists.
        await Wait.UntilAsync(() => Task.FromResult(Receiver.To("/same-type").Any(r => r.Text.Contains(key.ToString("D"), StringComparison.Ordinal))), "the type-filtered hook is received");
        foreach (var hook in new[] { disabled, otherEvent, otherType })
        {
            Assert.Equal(0, (await hub.Webhooks.ListDeliveriesAsync(hook, 0, 10)).Total);
        }
        Assert.Empty(Receiver.To("/disabled"));
        Assert.Empty(Receiver.To("/other-event"));
        Assert.Empty(Receiver.To("/other-type"));
    }

    [Fact]
    public async Task Trash_ContentDeleteHook_PostsIdNameAndTrashed()
    {
        await hub.CreateHookAsync("/delete", [WebhookEvents.ContentDelete], ["resource"]);
        var (key, name, _) = (await hub.Store.FindForPickerAsync(["resource"], null, 50))[^1];

        Assert.True((await hub.Store.TrashAsync(key, "tests")).Succeeded);

        await Wait.UntilAsync(() => Task.FromResult(Receiver.To("/delete").Count > 0), "the delete webhook is received");
        var request = Receiver.To("/delete").Single();
        Assert.Equal(WebhookEvents.ContentDelete, request.Header("umb-webhook-event"));
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal(key.ToString("D"), json.RootElement.GetProperty("id").GetString());
        Assert.Equal(name, json.RootElement.GetProperty("name").GetString());
        Assert.Equal("resource", json.RootElement.GetProperty("contentType").GetString());
        Assert.True(json.RootElement.GetProperty("trashed").GetBoolean());
    }
}
