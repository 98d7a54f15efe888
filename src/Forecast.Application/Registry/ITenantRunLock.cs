namespace Forecast.Application.Registry;

/// <summary>
/// One run of a kind of work (a training of one model kind, a scoring) per tenant at a time, across every process on
/// the database. The lock belongs to the live process that holds it: it is released when the run ends, and at once
/// when that process dies, so a job taken over after a crash never waits on a dead holder.
/// </summary>
public interface ITenantRunLock
{
    /// <summary>Waits until no other run of <paramref name="work"/> holds the tenant, then holds it until disposed.</summary>
    Task<IAsyncDisposable> AcquireAsync(Guid tenantId, string work, CancellationToken cancellationToken);
}
