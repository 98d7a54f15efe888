using Forecast.Ml.Ctr.Data;
using Forecast.Ml.Ctr.Inference;
using Forecast.Ml.Ctr.Network;
using Forecast.Ml.Ctr.Training;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Ctr;

public sealed class CtrNetworkTests
{
    public static TheoryData<CtrArchitecture> Architectures => new(CtrArchitectures.All);

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Every_network_gives_one_logit_per_row(CtrArchitecture architecture)
    {
        using var scope = NewDisposeScope();
        var (schema, batch) = SyntheticObservations.Encoded();
        manual_seed(1);
        var network = CtrNetwork.Create(architecture, schema.Dimensions, new CtrConfig());
        network.eval();

        var logits = network.forward(batch);

        Assert.Equal([batch.Size], logits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    [Theory]
    [MemberData(nameof(Architectures))]
    public void Every_architecture_saved_and_reloaded_scores_bit_identical(CtrArchitecture architecture)
    {
        var rows = SyntheticObservations.ImpressionLog();
        var options = new CtrTrainingOptions(MaxEpochs: 1, SequenceLength: 6);
        using var suite = CtrModelSuite.Train(rows, [architecture], new CtrConfig(), options);
        var model = suite.Best.Model;
        var histories = DeliveryHistory.Within(rows, options.SequenceLength);

        using var artifact = new MemoryStream();
        model.Save(artifact);
        artifact.Position = 0;
        using var reloaded = CtrModel.Load(artifact);

        Assert.Equal(architecture, reloaded.Manifest.Architecture);
        Assert.Equal(model.Predict(rows, histories), reloaded.Predict(rows, histories));
    }

    [Fact]
    public void A_selection_of_architectures_by_name_always_keeps_the_historical_ctr_baseline_and_rejects_unknown_names()
    {
        Assert.True(CtrArchitectures.TryParseSelection("", out var all));
        Assert.Equal(CtrArchitectures.All, all);
        Assert.True(CtrArchitectures.TryParseSelection(" star ,pnn", out var chosen));
        Assert.Equal([CtrArchitecture.HistoricalCtr, CtrArchitecture.Star, CtrArchitecture.Pnn], chosen);
        Assert.False(CtrArchitectures.TryParseSelection("star,stars", out _));
    }

    [Fact]
    public void Din_attends_only_to_real_behaviour_tokens_and_its_weights_sum_to_one()
    {
        using var scope = NewDisposeScope();
        var (schema, batch) = SyntheticObservations.Encoded();
        var din = new DeepInterestNetwork(schema.Dimensions, new CtrConfig());

        var weights = din.AttentionWeights(batch);
        var mask = batch.SequenceMask;

        Assert.Equal(0, weights.masked_select(mask.logical_not()).abs().sum().item<float>());
        var withHistory = mask.any(1);
        Assert.True(allclose(weights.sum(dim: 1).masked_select(withHistory), ones_like(weights.sum(dim: 1).masked_select(withHistory)), atol: 1e-5));
    }

    [Fact]
    public void Pepnet_embedding_gate_sends_no_gradient_into_the_field_embeddings()
    {
        using var scope = NewDisposeScope();
        var (schema, batch) = SyntheticObservations.Encoded();
        var pepnet = new PepNet(schema.Dimensions, new CtrConfig());

        pepnet.EmbeddingGate(batch).sum().backward();

        var embeddingGradient = pepnet.EmbeddingWeight.grad;
        Assert.True(embeddingGradient is null || embeddingGradient.abs().sum().item<float>() == 0);
        Assert.Contains(pepnet.named_parameters(), parameter => parameter.name.Contains("_embeddingGate") && parameter.parameter.grad is { } gradient
            && gradient.abs().sum().item<float>() > 0);
    }
}
