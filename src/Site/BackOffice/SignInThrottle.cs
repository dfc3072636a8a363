using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PoleKnowledge.Site.BackOffice;

/// <summary>
/// Limits sign-in, reset and two-factor attempts per client address. Lockout protects one account; this
/// protects all of them against a password spray from one address, without telling which accounts exist.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public SignInThrottle(IOptions<BackOfficeOptions> options)
    {
        var permits = Math.Max(1, options.Value.SignInPermitsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    /// <summary>True when the attempt may go ahead.</summary>
    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
