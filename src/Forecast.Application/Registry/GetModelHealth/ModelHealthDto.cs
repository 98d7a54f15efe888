namespace Forecast.Application.Registry.GetModelHealth;

/// <summary>How each kind of the tenant's models is doing with nobody watching.</summary>
/// <param name="Data">The days of the tenant's daily metrics and the one forecasts start from; null before any.</param>
/// <param name="Kinds">forecast and ctr.</param>
public sealed record ModelHealthDto(DataDaysDto? Data, IReadOnlyList<KindHealthDto> Kinds);

/// <summary>The days of the tenant's daily metrics.</summary>
/// <param name="First">Its first day.</param>
/// <param name="AsOf">The day forecasts start from and trainings learn up to.</param>
/// <param name="Latest">The latest day any row names.</param>
/// <param name="RowsAfterAsOf">Rows dated after the as-of day, set aside until their day is reached.</param>
/// <param name="AsOfRule">Which rule set the as-of day.</param>
public sealed record DataDaysDto(DateOnly First, DateOnly AsOf, DateOnly Latest, long RowsAfterAsOf, string AsOfRule);

/// <summary>One kind's health.</summary>
/// <param name="Kind">forecast or ctr.</param>
/// <param name="Status">
/// no-model (no champion yet), failing (its latest runs failed), drifting (the champion's live accuracy drifted and no
/// run has succeeded since), stale (forecast: the champion is more than the stale limit of data days behind), or healthy.
/// </param>
/// <param name="Champion">The serving model; null when none.</param>
/// <param name="ChampionAgeDataDays">forecast: days from the champion's last training day to the tenant's as-of day.</param>
/// <param name="Training">Whether a run is under way.</param>
/// <param name="LastSucceeded">The newest run that completed (whatever its gate decided).</param>
/// <param name="LastFailed">The newest run that failed, with why.</param>
/// <param name="ConsecutiveFailures">Runs failed since the last that succeeded.</param>
/// <param name="Drift">The champion's last drift, when it has one.</param>
public sealed record KindHealthDto(
    string Kind,
    string Status,
    ModelRunDto? Champion,
    int? ChampionAgeDataDays,
    bool Training,
    ModelRunDto? LastSucceeded,
    ModelRunDto? LastFailed,
    int ConsecutiveFailures,
    ModelDriftDto? Drift);

/// <summary>A registered run.</summary>
/// <param name="ModelId">Its registry id.</param>
/// <param name="Version">Its version.</param>
/// <param name="Architecture">Its architecture.</param>
/// <param name="At">When it completed or failed.</param>
/// <param name="TrainedThrough">Its last day of data, when it completed.</param>
/// <param name="Error">Why it failed, when it did.</param>
public sealed record ModelRunDto(Guid ModelId, int Version, string Architecture, DateTimeOffset At, DateOnly? TrainedThrough, string? Error);
