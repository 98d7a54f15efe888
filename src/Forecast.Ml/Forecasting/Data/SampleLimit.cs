namespace Forecast.Ml.Forecasting.Data;

/// <summary>
/// At most <paramref name="MaxSamples"/> samples, drawn uniformly with a fixed seed: a large tenant's training costs what
/// a mid-sized one's does (every series keeps its chance to be drawn on every day), and the same data draws the same sample.
/// </summary>
public sealed record SampleLimit(int MaxSamples, long Seed)
{
    public List<T> Sample<T>(List<T> items)
    {
        var random = new Random(unchecked((int)Seed));
        var order = Enumerable.Range(0, items.Count).ToArray();
        for (var index = 0; index < MaxSamples; index++)
        {
            var swap = random.Next(index, order.Length);
            (order[index], order[swap]) = (order[swap], order[index]);
        }

        Array.Sort(order, 0, MaxSamples);
        return order.Take(MaxSamples).Select(index => items[index]).ToList();
    }
}
