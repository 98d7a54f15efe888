using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class ServedSelectionTests
{
    private const int Samples = 60;
    private static readonly IReadOnlyList<ForecastTask> Trained = [ForecastTask.Impressions, ForecastTask.Clicks, ForecastTask.ActiveDays];

    [Fact]
    public void Each_task_is_served_by_whichever_forecaster_was_best_on_validation_baselines_and_trees_included()
    {
        var (validation, panel) = Validation(seed: 1);
        var points = new Dictionary<string, float[]>
        {
            [ForecastCandidates.M2M] = Forecasts(validation, (task, y) => task == ForecastTask.Clicks ? y : y * 2),
            [ForecastCandidates.Trees] = Forecasts(validation, (task, y) => task == ForecastTask.ActiveDays ? y : y * 3),
            [ServedSelection.Reference] = Forecasts(validation, (task, y) => task == ForecastTask.Impressions ? y : y * 4),
        };

        var selection = ServedSelection.Fit(validation, panel, points, Trained);

        Assert.Equal(ServedSelection.Reference, selection.For(ForecastTask.Impressions, "app", ServedSelection.High).Describe());
        Assert.Equal(ForecastCandidates.M2M, selection.For(ForecastTask.Clicks, "app", ServedSelection.High).Describe());
        Assert.Equal(ForecastCandidates.Trees, selection.For(ForecastTask.ActiveDays, "site", ServedSelection.Low).Describe());
        var served = ServedSelection.Combine(selection.Choices(validation, panel, points, Trained), points);
        Assert.Equal(points[ServedSelection.Reference][(3 * 4) + (int)ForecastTask.Impressions], served[(3 * 4) + (int)ForecastTask.Impressions]);
    }

    [Fact]
    public void Two_forecasters_erring_in_opposite_directions_are_blended_with_weights_fitted_on_validation()
    {
        var (validation, panel) = Validation(seed: 2);
        var points = new Dictionary<string, float[]>
        {
            [ForecastCandidates.M2M] = Forecasts(validation, (_, y) => y * 1.3f),
            [ForecastCandidates.Trees] = Forecasts(validation, (_, y) => y * 0.7f),
            [ServedSelection.Reference] = Forecasts(validation, (_, y) => y * 3),
        };

        var blend = ServedSelection.Fit(validation, panel, points, Trained).For(ForecastTask.Clicks, "app", ServedSelection.Low);

        Assert.Equal(2, blend.Weights.Count);
        Assert.All(blend.Weights, weight => Assert.Equal(0.5, weight.Weight, 6));
        Assert.Equal(0, blend.ValidationNmae, 5);
    }

    [Fact]
    public void No_served_group_is_worse_than_the_seasonal_naive_on_validation()
    {
        var (validation, panel) = Validation(seed: 3);
        var random = new Random(3);
        var points = new Dictionary<string, float[]>
        {
            [ForecastCandidates.M2M] = Forecasts(validation, (_, y) => y * (float)(0.2 + (2 * random.NextDouble()))),
            [ForecastCandidates.Trees] = Forecasts(validation, (_, y) => (float)(random.NextDouble() * 50)),
            [ServedSelection.Reference] = Forecasts(validation, (_, y) => y * (float)(0.5 + random.NextDouble())),
        };

        var selection = ServedSelection.Fit(validation, panel, points, Trained);

        Assert.All(selection.Blends, blend =>
            Assert.True((blend.ValidationSmape / blend.NaiveSmape) + (blend.ValidationNmae / blend.NaiveNmae) <= 2 + 1e-9, blend.Group));
    }

    /// <summary>Validation samples of two series (scenarios app and site) with known targets of every trained task.</summary>
    private static (SampleSet Samples, SeriesPanel Panel) Validation(int seed)
    {
        var random = new Random(seed);
        var tasks = ForecastTasks.All.Count;
        var targets = new float[Samples * tasks];
        for (var sample = 0; sample < Samples; sample++)
        {
            targets[(sample * tasks) + (int)ForecastTask.Spend] = float.NaN;
            targets[(sample * tasks) + (int)ForecastTask.Impressions] = random.Next(0, 5000);
            targets[(sample * tasks) + (int)ForecastTask.Clicks] = random.Next(0, 60);
            targets[(sample * tasks) + (int)ForecastTask.ActiveDays] = random.Next(0, 8);
        }

        var samples = new SampleSet
        {
            Count = Samples,
            HistoryDays = 14,
            Performance = [],
            Behaviour = [],
            Dense = [],
            ScenarioCodes = [],
            AdvertiserCodes = [],
            Targets = targets,
            RecentLevel = new float[Samples * tasks],
            SeriesIndex = Enumerable.Range(0, Samples).Select(sample => sample % 2).ToArray(),
            AsOfDay = Enumerable.Repeat(20, Samples).ToArray(),
        };
        PanelSeries Series(string scenario) => new("a", scenario, new Dictionary<string, string>(), new Dictionary<string, string>(), [], [], [], [], []);
        return (samples, new SeriesPanel(new DateOnly(2019, 1, 1), 30, [], [Series("app"), Series("site")]));
    }

    private static float[] Forecasts(SampleSet samples, Func<ForecastTask, float, float> forecast)
    {
        var tasks = ForecastTasks.All.Count;
        var values = new float[samples.Count * tasks];
        for (var index = 0; index < values.Length; index++)
        {
            var task = (ForecastTask)(index % tasks);
            values[index] = task == ForecastTask.Spend ? 0 : forecast(task, samples.Targets[index]);
        }

        return values;
    }
}
