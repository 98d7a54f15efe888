namespace Forecast.Application.Forecasts;

/// <summary>
/// The days a tenant's daily metrics cover, and the one its forecasts start from. The as-of day is the latest day on
/// which at least <see cref="AsOfShareOfDayBefore"/> as many series sent a row as on the day with rows before it: a
/// few stray rows on a later day (a typo, a clock ahead, the first rows of a day still arriving) wait until that day
/// is really reached, instead of moving every forecast of the tenant onto a day nobody has delivered yet.
/// </summary>
/// <param name="First">The tenant's first day of daily metrics.</param>
/// <param name="AsOf">The day forecasts start from and trainings learn up to.</param>
/// <param name="Latest">The latest day any row names.</param>
/// <param name="RowsAfterAsOf">Rows dated after the as-of day, set aside until their day is reached.</param>
public sealed record TenantDataDays(DateOnly First, DateOnly AsOf, DateOnly Latest, long RowsAfterAsOf)
{
    /// <summary>The share of the day before's series a day needs to become the as-of day.</summary>
    public const double AsOfShareOfDayBefore = 0.2;

    /// <summary>The latest days with rows that the rule looks at: beyond them the oldest counts as reached.</summary>
    public const int AsOfDaysLookedAt = 8;

    /// <summary>Which rule set the as-of day, in words.</summary>
    public string AsOfRule => RowsAfterAsOf == 0
        ? "the latest day of daily metrics"
        : $"the latest day with at least {AsOfShareOfDayBefore:P0} as many series as the day before it; {RowsAfterAsOf} row(s) up to {Latest:yyyy-MM-dd} wait until their day is reached";
}
