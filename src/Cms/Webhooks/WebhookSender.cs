using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace PoleKnowledge.Cms.Webhooks;

/// <summary>
/// POSTs one delivery: JSON body, Umbraco's <c>umb-webhook-event</c> and <c>umb-webhook-retryCount</c> headers,
/// the HMAC signature (<see cref="WebhookSignature"/>) and the delivery id. Never follows redirects (a redirect
/// could point inside the network); a 3xx counts as a failure.
/// </summary>
public sealed class WebhookSender(IHttpClientFactory clients, WebhookOptions options, WebhookTargetPolicy policy, ILogger<WebhookSender> logger)
{
    public const string ClientName = "webhooks";

    public async Task<WebhookAttempt> SendAsync(string url, string secret, string eventAlias, long deliveryId, int retryCount, string payload, CancellationToken cancellationToken)
    {
        var check = policy.Check(url);
        if (check != WebhookTargetCheck.Allowed)
        {
            return new WebhookAttempt(null, 0, $"Non envoyé : adresse refusée ({check}).");
        }
        var body = Encoding.UTF8.GetBytes(payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("umb-webhook-event", eventAlias);
        request.Headers.Add("umb-webhook-retryCount", retryCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Compute(secret, body));
        request.Headers.Add("X-Pole-Delivery", deliveryId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("PoleKnowledge-Webhooks", "1.0"));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var text = await ReadStartAsync(response, timeout.Token);
            return new WebhookAttempt((int)response.StatusCode, (int)watch.ElapsedMilliseconds, text);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, (int)watch.ElapsedMilliseconds, $"Délai dépassé ({options.Timeout.TotalSeconds:0} s).");
        }
        catch (HttpRequestException exception)
        {
            logger.LogInformation("Webhook delivery {Id} to {Url} failed: {Message}", deliveryId, url, exception.Message);
            return new WebhookAttempt(null, (int)watch.ElapsedMilliseconds, "Échec de connexion : " + exception.Message);
        }
    }

    /// <summary>The first characters of the answer; the rest is never read (a receiver cannot make the hub buffer megabytes).</summary>
    private async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var buffer = new char[options.MaxResponseChars];
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken);
            if (n == 0)
            {
                break;
            }
            read += n;
        }
        return new string(buffer, 0, read);
    }
}
