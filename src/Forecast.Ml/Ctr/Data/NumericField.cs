namespace Forecast.Ml.Ctr.Data;

/// <summary>A numeric feature standardised with its training mean and deviation.</summary>
public sealed record NumericField(string Name, double Mean, double Deviation)
{
    public float Scale(double value) => (float)((value - Mean) / Deviation);

    public static NumericField Fit(string name, IReadOnlyCollection<double> values)
    {
        var mean = values.Count == 0 ? 0 : values.Average();
        var variance = values.Count == 0 ? 0 : values.Average(value => (value - mean) * (value - mean));
        return new NumericField(name, mean, Math.Sqrt(variance) is > 1e-9 and var deviation ? deviation : 1);
    }
}
