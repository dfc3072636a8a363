using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PoleKnowledge.Extensions.Forms;
using PoleKnowledge.Site.Tests.Infrastructure;
using static PoleKnowledge.Site.Tests.Pole.PoleTestClient;

namespace PoleKnowledge.Site.Tests.Pole;

/// <summary>
/// The "call a webhook" workflow against a real local receiver (Kestrel on 127.0.0.1): the entry is accepted at
/// once whatever the receiver does; a failing receiver is tried again after the configured delays on the hub's
/// clock, and a refusal (4xx) is not retried.
/// </summary>
public sealed class FormWebhookTests : IAsyncLifetime, IDisposable
{
    private readonly ConcurrentQueue<(DateTimeOffset At, string Body)> _received = new();
    private readonly ConcurrentQueue<int> _answers = new();
    private WebApplication _receiver = null!;
    private HubFactory _hub = null!;
    private string _schema = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            _received.Enqueue((DateTimeOffset.UtcNow, await reader.ReadToEndAsync()));
            return Results.StatusCode(_answers.TryDequeue(out var status) ? status : 200);
        });
        await _receiver.StartAsync();
        var url = _receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        // A copy of the schema whose contact form also calls the receiver.
        _schema = Path.Combine(Path.GetTempPath(), "pk-tests", "schema-" + Guid.NewGuid().ToString("N"));
        CopyFolder(SchemaFolder(), _schema);
        var contactPath = Path.Combine(_schema, "forms", "contact.json");
        var contact = JsonNode.Parse(await File.ReadAllTextAsync(contactPath))!;
        contact["workflows"]!.AsArray().Add(new JsonObject { ["type"] = "webhook", ["url"] = url });
        await File.WriteAllTextAsync(contactPath, contact.ToJsonString());

        _hub = new HubFactory();
        _hub.Settings["PoleKnowledge:SchemaPath"] = _schema;
        _hub.Settings["PoleForms:PerIpPermitsPerMinute"] = "1000";
        _hub.Settings["PoleForms:WebhookRetryDelays:0"] = "00:00:30";
        _hub.Settings["PoleForms:WebhookRetryDelays:1"] = "00:02:00";
        using var client = _hub.CreateClient();
        await _hub.CatchUpAsync();
    }

    public void Dispose() => _hub?.Dispose();

    public async Task DisposeAsync()
    {
        _hub.Dispose();
        await _receiver.DisposeAsync();
        Directory.Delete(_schema, recursive: true);
    }

    private static Dictionary<string, object> Contact(string email) => new()
    {
        ["name"] = "Anna Lebrun", ["email"] = email, ["subject"] = "question", ["message"] = "Bonjour, comment rejoindre un groupe ?", ["consent"] = "on",
    };

    private FormWebhookSender Sender => _hub.Services.GetRequiredService<FormWebhookSender>();

    [Fact]
    public async Task Entry_ReceiverAnswers_ReceivesTheEntryAsJson()
    {
        using var client = _hub.CreateClient();
        var (response, _) = await PostEntryAsync(_hub, client, ContactForm, Contact("webhook@exemple.fr"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Wait.UntilAsync(() => Task.FromResult(_received.Count == 1 && Sender.Pending == 0), "the receiver got the entry", TimeSpan.FromSeconds(60));
        var body = JsonNode.Parse(_received.Single().Body)!;
        Assert.Equal(ContactForm, (string?)body["formId"]);
        Assert.Equal("webhook@exemple.fr", (string?)body["values"]!["email"]![0]);
        Assert.True(Guid.TryParse((string?)body["entryId"], out _));
    }

    [Fact]
    public async Task Entry_ReceiverFailsTwice_RetriedAfterTheDelaysThenDelivered()
    {
        _answers.Enqueue(503);
        _answers.Enqueue(500);
        using var client = _hub.CreateClient();
        var (response, _) = await PostEntryAsync(_hub, client, ContactForm, Contact("retry@exemple.fr"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await Wait.UntilAsync(() => Task.FromResult(_received.Count == 1 && Sender.WaitingForRetry == 1), "the first attempt failed and its retry is set", TimeSpan.FromSeconds(60));
        Assert.Single(_received); // nothing more until the clock moves
        _hub.Clock.Advance(TimeSpan.FromSeconds(30));
        await Wait.UntilAsync(() => Task.FromResult(_received.Count == 2 && Sender.WaitingForRetry == 1), "the second attempt, 30 s later, failed too", TimeSpan.FromSeconds(60));
        _hub.Clock.Advance(TimeSpan.FromMinutes(2));
        await Wait.UntilAsync(() => Task.FromResult(_received.Count == 3 && Sender.Pending == 0), "the third attempt, delivered", TimeSpan.FromSeconds(60));
        Assert.All(_received, r => Assert.Contains("retry@exemple.fr", r.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Entry_ReceiverRefuses_NotRetried()
    {
        _answers.Enqueue(400);
        using var client = _hub.CreateClient();
        await PostEntryAsync(_hub, client, ContactForm, Contact("refused@exemple.fr"));
        await Wait.UntilAsync(() => Task.FromResult(_received.Count == 1 && Sender.Pending == 0), "the refused attempt is given up", TimeSpan.FromSeconds(60));
        _hub.Clock.Advance(TimeSpan.FromMinutes(10));
        await Task.Delay(200);
        Assert.Single(_received);
    }

    /// <summary>The repository's content-schema folder, found upwards from the test assembly.</summary>
    private static string SchemaFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "content-schema");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("content-schema not found above the test assembly.");
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(directory.Replace(from, to, StringComparison.Ordinal));
        }
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, file.Replace(from, to, StringComparison.Ordinal));
        }
    }
}
