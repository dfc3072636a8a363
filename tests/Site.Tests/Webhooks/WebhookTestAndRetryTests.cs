using System.Net;
using PoleKnowledge.Cms.Webhooks;
using PoleKnowledge.Site.Tests.BackOffice;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Webhooks;

/// <summary>The "Envoyer un test" button and the delivery log's retry, against the loopback receiver.</summary>
public sealed class WebhookTestAndRetryTests(WebhookFixture hub) : IClassFixture<WebhookFixture>
{
    [Fact]
    public async Task TestButton_ReceiverDown_FailedInLogThenRetriedFromLog()
    {
        var (key, _) = await hub.CreateHookAsync("/ping", [WebhookEvents.ContentPublish], enabled: false);
        hub.Receiver.AnswerNext("/ping", 503);
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        var editUrl = $"/backoffice/admin/webhooks/modifier/{key}";

        using var test = await admin.PostAsync(editUrl + "?handler=Test", [], editUrl);

        Assert.Equal(HttpStatusCode.Redirect, test.StatusCode);
        var ping = Assert.Single(hub.Receiver.To("/ping"));
        Assert.Equal(WebhookEvents.Ping, ping.Header("umb-webhook-event"));
        Assert.Contains("Test en échec : réponse 503", await admin.GetStringAsync(editUrl), StringComparison.Ordinal);
        var logUrl = $"/backoffice/admin/webhooks/journal/{key}";
        var log = await admin.GetStringAsync(logUrl);
        Assert.Contains("Échec", log, StringComparison.Ordinal);
        Assert.Contains("erreur du destinataire", log, StringComparison.Ordinal);
        var delivery = (await hub.Webhooks.ListDeliveriesAsync(key, 0, 10)).Items.Single();
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);

        using var retry = await admin.PostAsync(logUrl + "?handler=Retry", [new("id", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], logUrl);

        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal(2, hub.Receiver.To("/ping").Count);
        Assert.Equal("1", hub.Receiver.To("/ping")[1].Header("umb-webhook-retryCount"));
        var after = (await hub.Webhooks.ListDeliveriesAsync(key, 0, 10)).Items.Single();
        Assert.Equal(WebhookDeliveryStatus.Succeeded, after.Status);
        Assert.Equal(200, after.StatusCode);
        Assert.Contains("livré : réponse 200", await admin.GetStringAsync(logUrl), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_DeliveryOfAnotherHook_404()
    {
        var (first, _) = await hub.CreateHookAsync("/first", [WebhookEvents.ContentPublish]);
        var (second, _) = await hub.CreateHookAsync("/second", [WebhookEvents.ContentPublish]);
        var id = await hub.Webhooks.QueuePingAsync(first, "tests");
        var admin = await hub.SignedInAsync(BackOfficeFixture.Admin);
        var logUrl = $"/backoffice/admin/webhooks/journal/{second}";

        using var retry = await admin.PostAsync(logUrl + "?handler=Retry", [new("id", id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))], logUrl);

        Assert.Equal(HttpStatusCode.NotFound, retry.StatusCode);
    }
}
