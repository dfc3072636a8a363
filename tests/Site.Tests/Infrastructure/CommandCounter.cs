using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PoleKnowledge.Site.Tests.Infrastructure;

/// <summary>
/// Counts the database commands EF Core executes inside <see cref="Measure"/> scopes (an async-local flag
/// that flows into in-process requests), so background work such as feed polling is not counted.
/// </summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<bool> Measuring = new();
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public IDisposable Measure()
    {
        Interlocked.Exchange(ref _count, 0);
        Measuring.Value = true;
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => Measuring.Value = false;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count1();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count1();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count1();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count1();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count1();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count1();
        return ValueTask.FromResult(result);
    }

    private void Count1()
    {
        if (Measuring.Value)
        {
            Interlocked.Increment(ref _count);
        }
    }
}
