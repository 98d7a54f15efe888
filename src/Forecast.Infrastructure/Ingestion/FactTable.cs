using Forecast.Infrastructure.Forecasts;
using Npgsql;

namespace Forecast.Infrastructure.Ingestion;

/// <summary>
/// How one kind of fact row is staged and merged. Every staging table has <c>row_no</c> (the row's index in the batch,
/// for error messages) and the tenant's references <c>advertiser_ref</c> and <c>scenario_ref</c> as sent, which the
/// merge resolves to surrogate ids with a join.
/// </summary>
internal abstract class FactTable<TRow>
{
    public abstract string Name { get; }

    /// <summary>Staging columns after row_no, advertiser_ref and scenario_ref, as SQL column definitions.</summary>
    public abstract string StagingColumns { get; }

    /// <summary>The staging columns that form the row's natural key (two rows of a batch must not share it).</summary>
    public abstract string NaturalKey { get; }

    /// <summary>INSERT … SELECT FROM batch_rows … ON CONFLICT … RETURNING (xmax = 0) AS inserted, with @tenant.</summary>
    public abstract string MergeSql { get; }

    /// <summary>Whether a change to this table can make stored forecasts stale (<see cref="ForecastFreshness"/>).</summary>
    public bool DecidesForecastFreshness => ForecastFreshness.AnnouncedTables.Contains(Name);

    public abstract string? AdvertiserRef(TRow row);

    public abstract string? ScenarioRef(TRow row);

    /// <summary>Writes the columns of <see cref="StagingColumns"/> in order.</summary>
    public abstract Task WriteAsync(NpgsqlBinaryImporter importer, TRow row, CancellationToken cancellationToken);
}
