namespace Forecast.Bench.Soak;

/// <summary>What one minute of the soak saw: every answer's latency and status, and the API's memory at its end.</summary>
internal sealed class SoakMinute
{
    private readonly List<double> _latenciesMs = [];

    public int Errors { get; private set; }

    public int ServerErrors { get; private set; }

    public int Requests => _latenciesMs.Count;

    public double RssMb { get; set; }

    public void Record(double latencyMs, int status)
    {
        lock (_latenciesMs)
        {
            _latenciesMs.Add(latencyMs);
            if (status is < 200 or >= 400) Errors++;
            if (status >= 500) ServerErrors++;
        }
    }

    public double Percentile(double quantile)
    {
        lock (_latenciesMs)
        {
            if (_latenciesMs.Count == 0) return double.NaN;
            var sorted = _latenciesMs.Order().ToList();
            return sorted[Math.Min(sorted.Count - 1, (int)(quantile * sorted.Count))];
        }
    }
}
