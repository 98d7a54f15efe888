using Forecast.Demo;
using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Inference;
using Forecast.Ml.Ctr.Network;
using Forecast.Ml.Ctr.Training;
using Forecast.Serving.Bids;

namespace Forecast.Ml.Tests.Ctr;

public sealed class RealCtrTrainingTests
{
    private static readonly CtrTrainingOptions Short = new(MaxEpochs: 2);

    [Fact]
    public async Task A_short_training_on_the_real_ad_stats_beats_a_constant_ctr_on_validation_auc()
    {
        var observations = await LoadAsync();

        using var suite = CtrModelSuite.Train(observations, [CtrArchitecture.DeepFm], new CtrConfig(), Short);

        var validation = suite.Validation.Rows;
        var trainCtr = suite.Split.Train.Sum(row => (double)observations[row].Clicks) / suite.Split.Train.Sum(row => (double)observations[row].Impressions);
        var constant = CtrScoring.Of(validation, validation.Select(_ => trainCtr).ToList());
        Assert.Equal(0.5, constant.Auc, 6);
        Assert.True(suite.Best.Validation.Auc > constant.Auc + 0.1, $"validation AUC {suite.Best.Validation.Auc:F4}");
        Assert.True(suite.Best.Validation.LogLoss < constant.LogLoss);
    }

    public static TheoryData<CtrArchitecture> SeedPaperArchitectures =>
        new(CtrArchitecture.AutoAttention, CtrArchitecture.Star, CtrArchitecture.MultiEmbedding, CtrArchitecture.Gwen, CtrArchitecture.Pnn);

    [Theory]
    [MemberData(nameof(SeedPaperArchitectures))]
    public async Task A_short_training_of_each_seed_paper_architecture_on_the_real_ad_stats_beats_a_constant_ctr_on_validation(CtrArchitecture architecture)
    {
        var observations = await LoadAsync();

        using var suite = CtrModelSuite.Train(observations, [architecture], new CtrConfig(), Short);

        var validation = suite.Validation.Rows;
        var trainCtr = suite.Split.Train.Sum(row => (double)observations[row].Clicks) / suite.Split.Train.Sum(row => (double)observations[row].Impressions);
        var constant = CtrScoring.Of(validation, validation.Select(_ => trainCtr).ToList());
        var trained = Assert.Single(suite.Models);
        Assert.Equal(architecture, trained.Model.Manifest.Architecture);
        Assert.True(trained.Validation.Auc > constant.Auc + 0.1, $"{architecture.Name()} validation AUC {trained.Validation.Auc:F4}");
        Assert.True(trained.Validation.LogLoss < constant.LogLoss, $"{architecture.Name()} validation log-loss {trained.Validation.LogLoss:F5} vs constant {constant.LogLoss:F5}");
    }

    /// <summary>
    /// The served CTR model against the lookup it corrects (the historical CTR), on the shipped ad stats: the suite's pick
    /// is never worse on the validation days it was chosen on, and on later days none of the models saw it keeps the
    /// lookup's level. The learned models do not beat the lookup there by a margin (docs/backtest-ctr.txt: test log-loss
    /// 0.0819 for the lookup, 0.0820–0.0831 for the networks): this holds the level, it claims no gain.
    /// </summary>
    [Fact]
    public async Task The_chosen_model_is_never_worse_than_the_historical_ctr_on_validation_and_keeps_its_level_on_later_days()
    {
        var observations = await LoadAsync();

        using var suite = CtrModelSuite.Train(observations, CtrArchitectures.All, new CtrConfig(), Short, testFraction: 0.15);

        var lookup = suite.Models.Single(trained => trained.Model.Manifest.Architecture == CtrArchitecture.HistoricalCtr);
        var best = suite.Best;
        Assert.True(best.Validation.LogLoss <= lookup.Validation.LogLoss,
            $"{best.Model.Manifest.Architecture.Name()} validation log-loss {best.Validation.LogLoss:F5} vs historical CTR {lookup.Validation.LogLoss:F5}");
        Assert.True(best.Test!.LogLoss <= lookup.Test!.LogLoss * 1.02,
            $"{best.Model.Manifest.Architecture.Name()} test log-loss {best.Test.LogLoss:F5} vs historical CTR {lookup.Test.LogLoss:F5}");
        Assert.True(best.Test.Auc >= lookup.Test.Auc - 0.01, $"test AUC {best.Test.Auc:F4} vs historical CTR {lookup.Test.Auc:F4}");
    }

    [Fact]
    public async Task A_saved_and_reloaded_model_predicts_exactly_the_same()
    {
        var observations = await LoadAsync();
        using var suite = CtrModelSuite.Train(observations, [CtrArchitecture.Din], new CtrConfig(), Short with { MaxEpochs = 1 });
        var model = suite.Best.Model;
        var rows = observations.Take(200).ToList();
        var histories = DeliveryHistory.Within(observations, Short.SequenceLength).Take(200).ToList();

        using var artifact = new MemoryStream();
        model.Save(artifact);
        artifact.Position = 0;
        using var reloaded = CtrModel.Load(artifact);

        Assert.Equal(CtrArchitecture.Din, reloaded.Manifest.Architecture);
        Assert.Equal(model.Predict(rows, histories), reloaded.Predict(rows, histories));
    }

    private static async Task<List<AdObservation>> LoadAsync()
    {
        var demo = await TabmoCampaignMapping.ReadAsync(
            Path.Combine(AppContext.BaseDirectory, "data", "tabmo-adcampaign", "adcampaign_slots.csv.gz"), CancellationToken.None);
        return AdObservations.From(demo.AdStats);
    }
}
