using System.Net;
using System.Net.Sockets;

namespace PoleKnowledge.Cms.Webhooks;

/// <summary>
/// Where webhooks may be sent. Checked twice: when a hook is saved (the URL's form, and its host when it is an
/// address or <c>localhost</c>) and when each connection is opened (<see cref="ConnectAsync"/> resolves the name
/// and refuses non-public addresses), so a name that later resolves to the hub's network (DNS rebinding) is
/// still refused.
/// </summary>
public sealed class WebhookTargetPolicy(WebhookOptions options)
{
    public const int MaxUrlLength = 2000;

    public WebhookTargetCheck Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0 || uri.Host.Length == 0)
        {
            return WebhookTargetCheck.Invalid;
        }
        if (uri.Scheme == Uri.UriSchemeHttp && !options.AllowHttpHosts.Contains(uri.Host, StringComparer.OrdinalIgnoreCase))
        {
            return WebhookTargetCheck.HttpsRequired;
        }
        if (!options.AllowPrivateTargets)
        {
            if (uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && !IsPublic(address))
                || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase))
            {
                return WebhookTargetCheck.PrivateAddress;
            }
        }
        return WebhookTargetCheck.Allowed;
    }

    /// <summary>Whether a connection to this address is allowed.</summary>
    public bool IsAllowed(IPAddress address) => options.AllowPrivateTargets || IsPublic(address);

    /// <summary>
    /// The connection step of the webhook <see cref="HttpClient"/>: resolves the host and connects only when every
    /// address it resolves to is allowed (a name that mixes public and private addresses is refused).
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0 || !addresses.All(IsAllowed))
        {
            throw new HttpRequestException($"Refused: {host} resolves to a non-public address.");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>False for loopback, private (RFC 1918, fc00::/7), link-local, CGNAT, unspecified, multicast and documentation ranges.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224
                || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2))
                || (b[0] == 198 && (b[1] == 18 || b[1] == 19))
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }
        var bytes = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
            || (bytes[0] & 0xFE) == 0xFC
            || (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8));
    }
}
