using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PoleKnowledge.Cms.ChangeFeed;

/// <summary>
/// On PostgreSQL, wakes this node's consumer when any node commits a change: writers
/// <c>NOTIFY</c> on <see cref="Channel"/> inside their transaction (delivered at commit), this service
/// <c>LISTEN</c>s. The feed sequence stays the source of truth; a lost notification only costs one poll interval.
/// </summary>
public sealed class PostgresFeedListener(Hosting.HubOptions options, ChangeFeedSignal signal, ILogger<PostgresFeedListener> logger) : BackgroundService
{
    public const string Channel = "poleknowledge_feed";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.IsPostgres)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(options.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, _) => signal.Notify();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (NpgsqlException exception)
            {
                logger.LogWarning(exception, "Listening for feed notifications failed; polling meanwhile, retrying in 5 s.");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
