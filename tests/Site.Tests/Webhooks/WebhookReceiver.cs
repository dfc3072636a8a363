using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Site.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on a free loopback port (Kestrel): records every POST (path, headers, body) and answers
/// with the next queued status code, 200 when none is queued.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string Text => System.Text.Encoding.UTF8.GetString(Body);
        public string Header(string name) => Headers.TryGetValue(name.ToLowerInvariant(), out var value) ? value : "";
    }

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Status codes to answer with, in order (per path).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<int>> Answers { get; } = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var path = http.Request.Path.Value ?? "/";
            receiver.Requests.Enqueue(new Received(path, http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString()), body.ToArray()));
            var status = receiver.Answers.TryGetValue(path, out var queue) && queue.TryDequeue(out var next) ? next : 200;
            return Results.Text(status == 200 ? "merci" : "erreur du destinataire", statusCode: status);
        });
        await app.StartAsync();
        var address = app.Urls.First();
        receiver.BaseUrl = address.TrimEnd('/');
        return receiver;
    }

    public void AnswerNext(string path, params int[] statuses)
    {
        var queue = Answers.GetOrAdd(path, _ => new ConcurrentQueue<int>());
        foreach (var status in statuses)
        {
            queue.Enqueue(status);
        }
    }

    public IReadOnlyList<Received> To(string path) => [.. Requests.Where(r => r.Path == path)];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
