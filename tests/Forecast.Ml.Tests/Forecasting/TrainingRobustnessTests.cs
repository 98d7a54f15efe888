using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Forecasting.Training;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Forecasting;

/// <summary>
/// Training never fails because of its data: real-shaped panels made hostile (a series 10⁹ × the others, series that
/// are all zero, a series of a single day, the shortest history that trains, a step from 0 to 10⁷, no advertiser profile) train, warm-started from a champion of a
/// different panel too, and forecast finite numbers.
/// </summary>
public sealed class TrainingRobustnessTests
{
    private static readonly TrainingOptions Short = new(MaxEpochs: 3, Patience: 3);

    public static TheoryData<string> Panels() => new(HostilePanels.Names);

    [Theory]
    [MemberData(nameof(Panels))]
    public async Task A_hostile_panel_trains_cold_and_warm_and_forecasts_finite_numbers(string name)
    {
        var panel = await HostilePanels.BuildAsync(name);
        using var champion = await HostilePanels.ChampionAsync();

        foreach (var warmStart in new[] { null, champion.Network })
        {
            var epochs = new List<TrainingProgress>();
            var (model, report, _, _) = ForecastModelTrainer.Train(panel, new ForecastWindow(), new M2MConfig(), Short, epochs.Add, warmStart);
            using var trained = model;

            Assert.All(epochs, epoch => Assert.True(double.IsFinite(epoch.TrainLoss) && double.IsFinite(epoch.ValidationDeviance),
                $"{name}, {(warmStart is null ? "cold" : "warm")}: epoch {epoch.Epoch} loss {epoch.TrainLoss}, validation deviance {epoch.ValidationDeviance}"));

            Assert.True(double.IsFinite(report.BestValidationDeviance), $"{name}: validation deviance {report.BestValidationDeviance}");
            var forecasts = trained.Forecast(panel, panel.Days - 1);
            Assert.NotEmpty(forecasts);
            Assert.All(forecasts.SelectMany(series => series.Tasks), task =>
            {
                Assert.True(double.IsFinite(task.Rate) && double.IsFinite(task.Point) && double.IsFinite(task.Lower) && double.IsFinite(task.Upper),
                    $"{name}: {task.Task} {task.Rate} {task.Point} [{task.Lower}, {task.Upper}] from {task.Source}");
                Assert.InRange(task.Point, task.Lower, task.Upper);
            });
            Assert.All(forecasts, series => Assert.InRange(series.ChurnProbability, 0, 1));
        }
    }

    [Fact]
    public async Task A_warm_start_from_a_champion_whose_weights_are_not_finite_falls_back_to_a_cold_start()
    {
        var panel = await HostilePanels.BuildAsync("no-advertiser-profile");
        using var artifact = new MemoryStream();
        (await HostilePanels.ChampionAsync()).Save(artifact);
        artifact.Position = 0;
        using var poisoned = ForecastModel.Load(artifact);
        using (no_grad())
        {
            foreach (var parameter in poisoned.Network.parameters())
            {
                parameter.fill_(SafeArithmetic.Real(double.NaN));
            }
        }

        var (model, report, _, _) = ForecastModelTrainer.Train(panel, new ForecastWindow(), new M2MConfig(), Short, warmStart: poisoned.Network);
        using var trained = model;

        Assert.True(report.WarmStartAbandoned);
        Assert.Equal(0, report.WarmStartedParameters);
        Assert.True(double.IsFinite(report.BestValidationDeviance));
        Assert.All(trained.Forecast(panel, panel.Days - 1).SelectMany(series => series.Tasks), task => Assert.True(double.IsFinite(task.Point)));
    }

    [Fact]
    public async Task A_history_too_short_to_learn_from_is_refused_with_the_days_it_needs()
    {
        var panel = await HostilePanels.BuildAsync("a-day-shorter-than-trainable");

        var refusal = Assert.Throws<InsufficientHistoryException>(() => ForecastModelTrainer.Train(panel, new ForecastWindow(), new M2MConfig(), Short));

        Assert.Contains($"{ForecastModelTrainer.MinimumHistoryDays(new ForecastWindow())} days", refusal.Message);
    }
}
