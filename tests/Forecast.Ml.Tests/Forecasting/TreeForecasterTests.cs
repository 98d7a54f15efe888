using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Trees;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class TreeForecasterTests
{
    [Fact]
    public async Task Trees_trained_on_real_data_beat_the_training_mean_and_reload_from_their_text_bit_for_bit()
    {
        var panel = await RealPanel.LoadAsync();
        var window = new ForecastWindow();
        var split = TemporalSplit.ByLastDays(panel.Days, window);
        var schema = FeatureSchema.Fit(panel, split.Train, window);
        var (train, validation) = (SampleBuilder.Build(panel, split.Train, schema, window), SampleBuilder.Build(panel, split.Validation, schema, window));

        using var trees = TreeForecaster.Train(train, validation, schema, seed: 42);
        using var reloaded = TreeForecaster.FromText(trees.ToText());

        var predictions = trees.Predict(validation, schema);
        var (actual, forecast) = validation.Pairs(predictions.Rates, ForecastTask.Clicks);
        var mean = train.Pairs(train.Targets, ForecastTask.Clicks).Actual.Average();
        Assert.True(ForecastMetrics.PoissonDeviance(actual, forecast) < ForecastMetrics.PoissonDeviance(actual, actual.Select(_ => mean).ToList()));
        Assert.Equal(predictions.Rates, reloaded.Predict(validation, schema).Rates);
        Assert.Equal(predictions.ZeroProbability, reloaded.Predict(validation, schema).ZeroProbability);
    }
}
