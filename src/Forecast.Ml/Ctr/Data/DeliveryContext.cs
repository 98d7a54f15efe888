using System.Globalization;

namespace Forecast.Ml.Ctr.Data;

/// <summary>
/// The time and place fields every observation has: weekday, 4-hour slot of the day (or "day" for longer buckets) and
/// the slot × scenario token the behaviour sequence is made of.
/// </summary>
public static class DeliveryContext
{
    public const int SlotHours = 4;

    public static string Weekday(AdObservation observation) => observation.BucketStart.UtcDateTime.DayOfWeek.ToString();

    public static string Slot(AdObservation observation) =>
        observation.BucketMinutes > SlotHours * 60
            ? "day"
            : (observation.BucketStart.UtcDateTime.Hour / SlotHours * SlotHours).ToString("00", CultureInfo.InvariantCulture);

    public static string Placement(AdObservation observation) => $"{Slot(observation)}|{observation.Scenario}";
}
