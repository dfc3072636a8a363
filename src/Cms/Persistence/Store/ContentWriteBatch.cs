using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PoleKnowledge.Cms.Persistence;

using PoleKnowledge.Cms.Content;

namespace PoleKnowledge.Cms.Persistence.Store;

/// <summary>
/// Several writes in one transaction (an import). Each write is saved behind a savepoint: a write that
/// fails leaves the others and everything already stored untouched. The change tracker is cleared after
/// each write so memory stays flat whatever the batch size.
/// </summary>
public sealed class ContentWriteBatch : IAsyncDisposable
{
    private readonly ContentStore _store;
    private readonly HubDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly string _actor;
    private int _savepoints;
    private WriteBatchState _state = new();

    internal ContentWriteBatch(ContentStore store, HubDbContext db, IDbContextTransaction transaction, string actor)
    {
        _store = store;
        _db = db;
        _transaction = transaction;
        _actor = actor;
    }

    public int Count { get; private set; }

    /// <summary>When true, writes return only their status (no item view): what an import needs, with fewer queries.</summary>
    public bool Lightweight
    {
        get => _state.Lightweight;
        init => _state = new WriteBatchState { Lightweight = value };
    }

    public async Task<ContentOutcome> SaveAsync(ContentWrite write, CancellationToken cancellationToken = default)
    {
        var savepoint = $"w{++_savepoints}";
        await _transaction.CreateSavepointAsync(savepoint, cancellationToken);
        try
        {
            var outcome = await _store.SaveCoreAsync(_db, write, _actor, cancellationToken, _state);
            if (outcome.Succeeded)
            {
                await _transaction.ReleaseSavepointAsync(savepoint, cancellationToken);
                Count++;
            }
            else
            {
                await _transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
            }
            return outcome;
        }
        catch (DbUpdateException exception)
        {
            await _transaction.RollbackToSavepointAsync(savepoint, cancellationToken);
            _state.Forget();
            return ContentOutcome.Conflict($"The database refused the write: {exception.InnerException?.Message ?? exception.Message}");
        }
        finally
        {
            _db.ChangeTracker.Clear();
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await _transaction.CommitAsync(cancellationToken);
        _store.NotifyCommitted();
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _db.DisposeAsync();
    }
}
