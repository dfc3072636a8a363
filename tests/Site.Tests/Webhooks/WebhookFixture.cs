using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Cms.Webhooks;
using PoleKnowledge.Site.Tests.BackOffice;
using PoleKnowledge.Site.Tests.Infrastructure;

namespace PoleKnowledge.Site.Tests.Webhooks;

/// <summary>A back-office hub whose webhooks may call the loopback receiver over http, and the receiver itself.</summary>
public sealed class WebhookFixture : BackOfficeFixture
{
    public WebhookReceiver Receiver { get; private set; } = null!;

    public WebhookStore Webhooks => Factory.Services.GetRequiredService<WebhookStore>();

    protected override void Configure(HubFactory factory)
    {
        factory.Settings["Webhooks:AllowPrivateTargets"] = "true";
        factory.Settings["Webhooks:AllowHttpHosts:0"] = "127.0.0.1";
        factory.Settings["Webhooks:PollInterval"] = "00:00:00.100";
        factory.Settings["Webhooks:MaxAttempts"] = "3";
    }

    public override async Task InitializeAsync()
    {
        Receiver = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    /// <summary>A hook to <paramref name="path"/> on the receiver; returns its key and secret.</summary>
    public async Task<(Guid Key, string Secret)> CreateHookAsync(string path, string[] events, string[]? types = null, bool enabled = true)
    {
        var (hook, secret) = await Webhooks.CreateAsync(new WebhookInput(path, Receiver.BaseUrl + path, events, types ?? [], enabled), "tests");
        return (hook.Key, secret);
    }
}
