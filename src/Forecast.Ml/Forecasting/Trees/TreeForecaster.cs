using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Inference;

namespace Forecast.Ml.Forecasting.Trees;

/// <summary>
/// The gradient-boosted-tree forecaster a data scientist would try first (the M5 competition recipe): per task, a
/// LightGBM rate model with a Poisson objective (Tweedie for spend, which is money rather than a count) on lag and
/// attribute features, boosted from each series' own recent log level (<see cref="TreeFeatures.Offsets"/>), and a zero hurdle — a binary model of P(total = 0) — that the point-forecast rule reads like
/// M2M's zero heads. Early stopping on the validation samples; seeded and deterministic.
/// </summary>
public sealed class TreeForecaster : IDisposable
{
    private const int MaxRounds = 400;
    private const int Patience = 30;

    private readonly IReadOnlyDictionary<ForecastTask, (LightGbmBooster Rate, LightGbmBooster Zero)> _tasks;

    private TreeForecaster(IReadOnlyDictionary<ForecastTask, (LightGbmBooster Rate, LightGbmBooster Zero)> tasks) => _tasks = tasks;

    public static TreeForecaster Train(SampleSet train, SampleSet validation, FeatureSchema schema, long seed)
    {
        var trainRows = TreeFeatures.Of(train, schema);
        var validationRows = TreeFeatures.Of(validation, schema);
        var dataset = $"max_bin=63 min_data_in_bin=3 verbosity=-1 categorical_feature={string.Join(',', TreeFeatures.CategoricalColumns(schema))}";
        var common = $"learning_rate=0.05 num_leaves=15 min_data_in_leaf=20 feature_fraction=0.8 bagging_fraction=0.8 bagging_freq=1 " +
                     $"lambda_l2=1 seed={seed} deterministic=true force_row_wise=true num_threads={Environment.ProcessorCount} verbosity=-1";
        var tasks = new Dictionary<ForecastTask, (LightGbmBooster, LightGbmBooster)>();
        foreach (var task in schema.TrainedTasks)
        {
            var (trainX, trainY, trainKnown) = Known(trainRows, train, task);
            var (validationX, validationY, validationKnown) = Known(validationRows, validation, task);
            if (trainY.Length == 0 || validationY.Length == 0) continue;
            var objective = task == ForecastTask.Spend ? "objective=tweedie tweedie_variance_power=1.2 metric=tweedie" : "objective=poisson metric=poisson";
            var offsets = (Pick(TreeFeatures.Offsets(train, schema, task), trainKnown), Pick(TreeFeatures.Offsets(validation, schema, task), validationKnown));
            // A series starting from a zero level towards thousands would get Newton steps of thousands: cap each leaf.
            var rate = LightGbmBooster.Train(trainX, trainY, validationX, validationY, $"{objective} max_delta_step=2 {common}", dataset, MaxRounds, Patience, offsets);
            var zero = LightGbmBooster.Train(trainX, IsZero(trainY), validationX, IsZero(validationY), $"objective=binary metric=binary_logloss {common}",
                dataset, MaxRounds, Patience);
            tasks[task] = (rate, zero);
        }

        return new TreeForecaster(tasks);
    }

    /// <summary>Rates [N, tasks] and P(total = 0) [N, tasks]; tasks without a model read 0.</summary>
    public Predictions Predict(SampleSet samples, FeatureSchema schema)
    {
        var rows = TreeFeatures.Of(samples, schema);
        var tasks = ForecastTasks.All.Count;
        var rates = new float[samples.Count * tasks];
        var zero = new float[samples.Count * tasks];
        foreach (var (task, models) in _tasks)
        {
            var rate = models.Rate.PredictRate(rows, TreeFeatures.Offsets(samples, schema, task));
            var zeroProbability = models.Zero.Predict(rows);
            for (var sample = 0; sample < samples.Count; sample++)
            {
                rates[(sample * tasks) + (int)task] = (float)rate[sample];
                zero[(sample * tasks) + (int)task] = (float)zeroProbability[sample];
            }
        }

        return new Predictions(rates, zero, null);
    }

    /// <summary>Each task's models as LightGBM model text, keyed by task name: what the artifact stores.</summary>
    public IReadOnlyDictionary<string, TreeTaskText> ToText() =>
        _tasks.ToDictionary(pair => pair.Key.Name(), pair => new TreeTaskText(pair.Value.Rate.ModelText, pair.Value.Zero.ModelText));

    public static TreeForecaster FromText(IReadOnlyDictionary<string, TreeTaskText> text) =>
        new(text.ToDictionary(
            pair => ForecastTasks.All.Single(task => task.Name() == pair.Key),
            pair => (LightGbmBooster.Load(pair.Value.Rate), LightGbmBooster.Load(pair.Value.Zero))));

    public void Dispose()
    {
        foreach (var (rate, zero) in _tasks.Values)
        {
            rate.Dispose();
            zero.Dispose();
        }
    }

    private static double[] Pick(double[] values, List<int> samples) => samples.Select(sample => values[sample]).ToArray();

    private static (TreeMatrix Rows, float[] Labels, List<int> Known) Known(TreeMatrix rows, SampleSet samples, ForecastTask task)
    {
        var known = samples.KnownSamples(task);
        var values = new float[known.Count * rows.Columns];
        for (var index = 0; index < known.Count; index++)
        {
            rows.Values.AsSpan(known[index] * rows.Columns, rows.Columns).CopyTo(values.AsSpan(index * rows.Columns));
        }

        return (new TreeMatrix(values, known.Count, rows.Columns), known.Select(sample => samples.Target(sample, task)).ToArray(), known);
    }

    private static float[] IsZero(float[] labels) => labels.Select(label => label == 0 ? 1f : 0f).ToArray();
}

/// <summary>One task's tree models as LightGBM model text.</summary>
public sealed record TreeTaskText(string Rate, string Zero);
