using Forecast.Application.Common.Refusals;

namespace Forecast.Application.Ingestion;

/// <summary>Size limits of one ingestion batch: bigger loads are split into several batches by the sender.</summary>
public static class BatchLimits
{
    public const int MaxRows = 100_000;
    public const long MaxBytes = 64L * 1024 * 1024;

    /// <summary>Most row errors reported for one batch; a file with a systematic error would otherwise report every row.</summary>
    public const int MaxReportedErrors = 20;

    public static void EnsureRowCountAllowed(int rows)
    {
        if (rows > MaxRows)
        {
            throw Refusal.TooLarge($"A batch holds at most {MaxRows:N0} rows; split larger loads into several batches.");
        }
    }
}
