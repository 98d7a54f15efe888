using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Forecasting.Trees;

/// <summary>
/// The lag features of the M5-style tree forecaster, read from the same samples M2M sees: each channel's last
/// <see cref="LagDays"/> days and its 7- and 14-day totals (log1p), each behaviour feature's 7-day total, the dense
/// history features and typed attributes, and the categorical attribute codes (declared categorical to LightGBM).
/// </summary>
public static class TreeFeatures
{
    public const int LagDays = 7;

    public static int Width(FeatureSchema schema) =>
        (schema.PerformanceChannels.Count * (LagDays + 2)) + schema.BehaviourFeatures.Count + schema.DenseFeatureCount
        + schema.ScenarioAttributes.Count + schema.AdvertiserAttributes.Count;

    /// <summary>Column indexes of the attribute codes: the last columns.</summary>
    public static IEnumerable<int> CategoricalColumns(FeatureSchema schema)
    {
        var codes = schema.ScenarioAttributes.Count + schema.AdvertiserAttributes.Count;
        return Enumerable.Range(Width(schema) - codes, codes);
    }

    /// <summary>
    /// Each sample's log level of a task over the last 7 days — log(1 + total), the active-day count for active days —
    /// the offset the rate models correct (as M2M corrects its own): without it, trees split heavy-tailed levels into a
    /// few constant leaves and missed the largest series by half.
    /// </summary>
    public static double[] Offsets(SampleSet samples, FeatureSchema schema, ForecastTask task)
    {
        int t = samples.HistoryDays, fp = schema.PerformanceChannels.Count;
        var channels = task switch
        {
            ForecastTask.Spend => [schema.PerformanceChannels.ToList().IndexOf("spend")],
            ForecastTask.Impressions => [schema.PerformanceChannels.ToList().IndexOf("impressions")],
            ForecastTask.Clicks => [schema.PerformanceChannels.ToList().IndexOf("clicks")],
            _ => Enumerable.Range(0, fp).ToArray(), // active: any tracked channel above zero
        };
        var offsets = new double[samples.Count];
        for (var sample = 0; sample < samples.Count; sample++)
        {
            double level = 0;
            for (var back = 0; back < Math.Min(7, t); back++)
            {
                var day = ((sample * t) + (t - 1 - back)) * fp;
                level += task == ForecastTask.ActiveDays
                    ? (channels.Any(channel => samples.Performance[day + channel] > 0) ? 1 : 0)
                    : Math.Exp(samples.Performance[day + channels[0]]) - 1;
            }

            offsets[sample] = Math.Log(1 + level);
        }

        return offsets;
    }

    public static TreeMatrix Of(SampleSet samples, FeatureSchema schema)
    {
        int width = Width(schema), t = samples.HistoryDays, fp = schema.PerformanceChannels.Count, fb = schema.BehaviourFeatures.Count;
        int fd = schema.DenseFeatureCount, fs = schema.ScenarioAttributes.Count, fa = schema.AdvertiserAttributes.Count;
        var values = new float[samples.Count * width];
        for (var sample = 0; sample < samples.Count; sample++)
        {
            var row = values.AsSpan(sample * width, width);
            var column = 0;
            for (var channel = 0; channel < fp; channel++)
            {
                double week = 0, fortnight = 0;
                for (var back = 0; back < t; back++)
                {
                    var logValue = samples.Performance[(((sample * t) + (t - 1 - back)) * fp) + channel];
                    if (back < LagDays) row[column++] = logValue;
                    var value = Math.Exp(logValue) - 1;
                    fortnight += value;
                    if (back < 7) week += value;
                }

                row[column++] = (float)Math.Log(1 + week);
                row[column++] = (float)Math.Log(1 + fortnight);
            }

            for (var feature = 0; feature < fb; feature++)
            {
                double week = 0;
                for (var back = 0; back < Math.Min(7, t); back++)
                {
                    week += Math.Exp(samples.Behaviour[(((sample * t) + (t - 1 - back)) * fb) + feature]) - 1;
                }

                row[column++] = (float)Math.Log(1 + week);
            }

            samples.Dense.AsSpan(sample * fd, fd).CopyTo(row[column..]);
            column += fd;
            for (var code = 0; code < fs; code++) row[column++] = samples.ScenarioCodes[(sample * fs) + code];
            for (var code = 0; code < fa; code++) row[column++] = samples.AdvertiserCodes[(sample * fa) + code];
        }

        return new TreeMatrix(values, samples.Count, width);
    }
}
