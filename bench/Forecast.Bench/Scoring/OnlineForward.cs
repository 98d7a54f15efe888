using System.Diagnostics;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Inference;
using Forecast.Ml.Forecasting.Network;
using static TorchSharp.torch;

namespace Forecast.Bench.Scoring;

/// <summary>
/// M2M's forward pass alone (inputs scaled, network, rates out) for the few rows of an online forecast and more: libtorch
/// against the managed forward, on the same samples of the same trained model; it places the row count below which
/// <see cref="ForecastModel"/> serves with the managed one.
/// </summary>
internal static class OnlineForward
{
    private static readonly int[] RowCounts = [1, 2, 4, 8, 16, 32, 64, 128];
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    public static void Print(ForecastModel model, SeriesPanel tenant)
    {
        var (schema, window, scaling) = (model.Manifest.Schema, model.Manifest.Window, model.Manifest.Scaling);
        var managed = model.Network.ToManaged()!;
        Console.WriteLine("M2M forward of an online forecast's rows (median µs per call over 1 s each after 1 s untimed; the demo's advertisers have 1–3 rows):");
        foreach (var rows in RowCounts)
        {
            var alive = tenant.Series.Where(series => SampleBuilder.IsAlive(series, tenant.Days - 1, window, tenant.Days)).Take(rows).ToList();
            var samples = SampleBuilder.Build(tenant with { Series = alive }, [tenant.Days - 1], schema, window);
            var libtorch = MedianMicroseconds(() =>
            {
                using var scope = NewDisposeScope();
                RateModelPredictor.Predict(model.Network, ForecastBatch.From(samples, schema, scaling), scaling);
            });
            var managedForward = MedianMicroseconds(() => managed.Predict(ScaledSamples.Of(samples, schema, scaling), scaling));
            Console.WriteLine($"  {samples.Count,4} rows: libtorch {libtorch,8:F0} µs, managed {managedForward,8:F0} µs, managed/libtorch {managedForward / libtorch,5:F2}");
        }
    }

    private static double MedianMicroseconds(Action forward)
    {
        // Untimed first: a path's first calls run before the JIT's optimised tier replaces them.
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < Window)
        {
            forward();
        }

        var times = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < Window)
        {
            var clock = Stopwatch.StartNew();
            forward();
            times.Add(clock.Elapsed.TotalMicroseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }
}
