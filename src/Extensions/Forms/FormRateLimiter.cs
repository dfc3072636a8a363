using System.Collections.Concurrent;

namespace PoleKnowledge.Extensions.Forms;

/// <summary>
/// Fixed one-minute windows per (client IP, form) and per form, on the injected clock (so tests move time
/// instead of sleeping). In memory: each node limits its own traffic, which is what stops a bot hammering it.
/// </summary>
public sealed class FormRateLimiter(FormsOptions options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);

    /// <summary>True when the post may go on; otherwise how long until the window reopens.</summary>
    public bool TryAcquire(string formAlias, string clientIp, out TimeSpan retryAfter)
    {
        var now = time.GetUtcNow();
        if (_counters.Count > 50_000)
        {
            foreach (var stale in _counters.Where(c => now - c.Value.Start >= Window).Select(c => c.Key).ToList())
            {
                _counters.TryRemove(stale, out _);
            }
        }
        var perIp = _counters.GetOrAdd($"ip:{clientIp}:{formAlias}", _ => new Counter());
        var perForm = _counters.GetOrAdd($"form:{formAlias}", _ => new Counter());
        if (!perIp.TryTake(now, options.PerIpPermitsPerMinute, out retryAfter))
        {
            return false;
        }
        return perForm.TryTake(now, options.PerFormPermitsPerMinute, out retryAfter);
    }

    private sealed class Counter
    {
        private readonly Lock _lock = new();
        private int _count;

        public DateTimeOffset Start { get; private set; } = DateTimeOffset.MinValue;

        public bool TryTake(DateTimeOffset now, int limit, out TimeSpan retryAfter)
        {
            lock (_lock)
            {
                if (now - Start >= Window)
                {
                    Start = now;
                    _count = 0;
                }
                retryAfter = Start + Window - now;
                if (_count >= limit)
                {
                    return false;
                }
                _count++;
                return true;
            }
        }
    }
}
