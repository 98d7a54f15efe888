using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Inference;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;
using Forecast.Ml.Research.StudyModels;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

public sealed class TrainingTests
{
    private static readonly TrainingOptions Short = new(MaxEpochs: 4, Patience: 4);

    [Fact]
    public async Task A_short_training_run_on_real_data_lowers_the_validation_deviance()
    {
        var panel = await RealPanel.LoadAsync();
        using var data = PreparedSplit.Create(panel, new ForecastWindow());
        manual_seed(11);
        using var model = new M2MModel(data.Dimensions, new M2MConfig());
        var before = RateModelPredictor.MeanDeviance(model, data.ValidationBatch);
        var epochs = new List<TrainingProgress>();

        var report = RateModelTrainer.Train(model, data.TrainBatch, data.ValidationBatch, Short, epochs.Add);

        Assert.True(report.BestValidationDeviance < before, $"{before} -> {report.BestValidationDeviance}");
        Assert.Equal(report.Epochs, epochs.Count);
        Assert.All(epochs, epoch => Assert.True(epoch.SamplesPerSecond > 0));
    }

    [Fact]
    public async Task Training_is_reproducible_with_the_same_seed()
    {
        var panel = await RealPanel.LoadAsync();
        using var data = PreparedSplit.Create(panel, new ForecastWindow());

        double Run()
        {
            manual_seed(5);
            using var model = new SharedBottomModel(data.Dimensions);
            return RateModelTrainer.Train(model, data.TrainBatch, data.ValidationBatch, Short with { Seed = 5 }).BestValidationDeviance;
        }

        Assert.Equal(Run(), Run());
    }

    [Fact]
    public async Task A_saved_model_loads_and_predicts_bit_for_bit_the_same()
    {
        var panel = await RealPanel.LoadAsync();
        var (model, _, _, _) = ForecastModelTrainer.Train(panel, new ForecastWindow(), new M2MConfig(), Short);
        using var trained = model;
        using var artifact = new MemoryStream();
        trained.Save(artifact);
        artifact.Position = 0;

        using var loaded = ForecastModel.Load(artifact);

        var asOf = panel.Days - 1;
        var expected = trained.Forecast(panel, asOf);
        var actual = loaded.Forecast(panel, asOf);
        Assert.NotEmpty(expected);
        Assert.Equal(
            expected.SelectMany(series => series.Tasks.Select(task => (task.Rate, task.Point, task.Lower, task.Upper, task.Source))),
            actual.SelectMany(series => series.Tasks.Select(task => (task.Rate, task.Point, task.Lower, task.Upper, task.Source))));
        Assert.Equal(expected.Select(series => series.ChurnProbability), actual.Select(series => series.ChurnProbability));
        Assert.Equal(trained.Manifest.Schema.TrainedTasks, loaded.Manifest.Schema.TrainedTasks);
    }

    [Fact]
    public async Task Served_forecasts_have_intervals_around_the_point_within_the_task_range_a_source_and_a_churn_probability()
    {
        var panel = await RealPanel.LoadAsync();
        var (model, _, _, _) = ForecastModelTrainer.Train(panel, new ForecastWindow(), new M2MConfig(), Short);
        using var served = model;

        var forecasts = served.Forecast(panel, panel.Days - 1);

        Assert.All(forecasts, series =>
        {
            Assert.InRange(series.ChurnProbability, 0, 1);
            Assert.Contains(ForecastTask.Spend, series.Untrained.Keys);
            Assert.All(series.Tasks, task =>
            {
                Assert.InRange(task.Point, task.Lower, task.Upper);
                Assert.True(task.Lower >= 0);
                Assert.True(task.Rate >= 0);
                Assert.False(string.IsNullOrEmpty(task.Source));
                if (task.Task == ForecastTask.ActiveDays) Assert.True(task.Upper <= 7, $"active days upper {task.Upper} > 7");
                Assert.Equal(1.0, task.ExpertWeights.Sum(), 4);
            });
        });
    }
}
