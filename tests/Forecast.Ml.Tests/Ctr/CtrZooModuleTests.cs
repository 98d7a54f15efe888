using Forecast.Ml.Ctr.Network;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Tests.Ctr;

/// <summary>The seed papers' modules one by one: shapes, attention and gate weights, and which scenario's parameters learn.</summary>
public sealed class CtrZooModuleTests
{
    [Fact]
    public void AutoAttention_attends_only_to_real_behaviour_tokens_and_its_weights_sum_to_one()
    {
        using var scope = NewDisposeScope();
        var (schema, batch) = SyntheticObservations.Encoded();
        manual_seed(3);
        var network = new AutoAttentionNetwork(schema.Dimensions, new CtrConfig());

        var weights = network.AttentionWeights(batch);
        var mask = batch.SequenceMask;

        Assert.Equal(batch.SequenceCtr.shape, weights.shape);
        Assert.Equal(0, weights.masked_select(mask.logical_not()).abs().sum().item<float>());
        var withHistory = mask.any(1);
        Assert.True(withHistory.any().item<bool>());
        var sums = weights.sum(dim: 1).masked_select(withHistory);
        Assert.True(allclose(sums, ones_like(sums), atol: 1e-5));
    }

    [Fact]
    public void AutoAttention_scores_tokens_by_field_pair_weighted_dot_products()
    {
        using var scope = NewDisposeScope();
        var attention = new AutoAttention(queryFields: 2, keyFields: 1, dimension: 1);
        using (no_grad())
        {
            attention.PairWeights.copy_(tensor(new float[] { 1, 0 }).view(2, 1));
        }

        // Query field 0 is (1) and field 1 (100): with field 1's pair weight at 0 only ⟨q₀, k⟩ scores the tokens.
        var queries = tensor(new float[] { 1, 100 }).view(1, 2, 1);
        var keys = tensor(new float[] { 0, (float)Math.Log(3) }).view(1, 2, 1, 1);

        var weights = attention.forward(queries, keys, ones(1, 2, dtype: ScalarType.Bool));

        Assert.True(allclose(weights, tensor(new float[] { 0.25f, 0.75f }).view(1, 2), atol: 1e-5));
    }

    [Fact]
    public void Field_network_weights_start_neutral_and_only_the_rows_scenario_learns()
    {
        using var scope = NewDisposeScope();
        var fieldNetwork = new FieldNetwork(scenarios: 3, fields: 2, dimension: 4);
        var embedded = randn(5, 2, 4);
        var scenario = Scenarios(5, 1);

        var weighted = fieldNetwork.forward(embedded, scenario);
        weighted.sum().backward();

        Assert.True(weighted.eq(embedded).all().item<bool>());
        Assert.Equal([false, true, false], OwnRows(fieldNetwork.Weight.grad!));
    }

    [Fact]
    public void Partitioned_normalization_normalises_each_scenario_with_its_own_statistics()
    {
        using var scope = NewDisposeScope();
        var normalization = new PartitionedNormalization(scenarios: 3, width: 2);
        normalization.train();
        manual_seed(5);
        // Scenario 0 around 10 and scenario 2 around −3 with different spreads: one batch-norm would mix them.
        var hidden = cat([randn(64, 2).Times(4).Plus(full(64, 2, 10f)), randn(64, 2).Times(0.5).Plus(full(64, 2, -3f))], 0);
        var scenario = cat([Scenarios(64, 0), Scenarios(64, 2)], 0);

        var normalised = normalization.forward(hidden, scenario);

        foreach (var (rows, name) in new[] { (arange(0, 64), "scenario 0"), (arange(64, 128), "scenario 2") })
        {
            var part = normalised.index_select(0, rows);
            Assert.True(part.mean().abs().item<float>() < 1e-4, name);
            Assert.True(Math.Abs((part * part).mean().item<float>() - 1) < 1e-3, name);
        }

        var running = normalization.RunningMean;
        Assert.True(running[0].mean().item<float>() > 0.5, "scenario 0's running mean moved towards 10");
        Assert.True(running[2].mean().item<float>() < -0.1, "scenario 2's running mean moved towards −3");
        Assert.Equal(0, running[1].abs().sum().item<float>());
    }

    [Fact]
    public void Partitioned_normalization_sends_a_rows_gradient_only_to_its_scenarios_scale_and_shift()
    {
        using var scope = NewDisposeScope();
        var normalization = new PartitionedNormalization(scenarios: 3, width: 4);
        normalization.train();

        normalization.forward(randn(8, 4), Scenarios(8, 2)).pow(3).sum().backward();

        var (scale, shift) = normalization.ScenarioParameters;
        Assert.Equal([false, false, true], OwnRows(scale.grad!));
        Assert.Equal([false, false, true], OwnRows(shift.grad!));
    }

    [Fact]
    public void Scenario_towers_differ_per_scenario_and_only_the_rows_scenario_tower_learns()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        var towers = new ScenarioTowers(scenarios: 2, inputSize: 3, hidden: [4], dropout: 0);
        var input = randn(6, 3);

        var asScenario0 = towers.forward(input, Scenarios(6, 0));
        var asScenario1 = towers.forward(input, Scenarios(6, 1));
        asScenario1.sum().backward();

        Assert.False(allclose(asScenario0, asScenario1));
        Assert.All(towers.Tower(0).parameters(), parameter => Assert.True(parameter.grad is null || parameter.grad.abs().sum().item<float>() == 0));
        Assert.Contains(towers.Tower(1).parameters(), parameter => parameter.grad is { } gradient && gradient.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void Position_bias_is_one_logit_per_row_set_by_its_slot_and_scenario_alone()
    {
        using var scope = NewDisposeScope();
        manual_seed(13);
        var bias = new PositionBias(slots: 7, scenarios: 3);
        var slot = tensor(new long[] { 0, 4, 4, 6, 4 });
        var scenario = tensor(new long[] { 1, 2, 2, 0, 1 });

        var logits = bias.forward(slot, scenario);

        Assert.Equal([5], logits.shape);
        Assert.Equal(logits[1].item<float>(), logits[2].item<float>());
        Assert.NotEqual(logits[1].item<float>(), logits[4].item<float>());
        Assert.NotEqual(logits[0].item<float>(), logits[4].item<float>());
    }

    [Fact]
    public void Product_layer_gives_the_inner_product_of_every_pair_of_fields()
    {
        using var scope = NewDisposeScope();
        var embedded = randn(2, 4, 3);

        var products = new ProductLayer(4).forward(embedded);

        Assert.Equal([2, 6], products.shape);
        var column = 0;
        for (var first = 0; first < 4; first++)
        {
            for (var second = first + 1; second < 4; second++, column++)
            {
                var expected = (embedded[.., first] * embedded[.., second]).sum(dim: 1);
                Assert.True(allclose(products[.., column], expected, atol: 1e-5));
            }
        }
    }

    [Fact]
    public void Groupwise_embedding_averages_a_groups_real_ids_and_pools_an_empty_group_to_zero()
    {
        using var scope = NewDisposeScope();
        var embedded = tensor(new float[] { 1, 2, 3, 4, 100, 100, 5, 6, 7, 8, 9, 10 }).view(2, 3, 2);
        var mask = tensor(new[] { true, true, false, false, false, false });

        var pooled = new GroupwiseEmbedding().forward(embedded, mask.view(2, 3));

        Assert.True(pooled.eq(tensor(new float[] { 2, 3, 0, 0 }).view(2, 2)).all().item<bool>());
    }

    [Fact]
    public void Multi_embedding_gates_weigh_the_three_embedding_widths_per_task()
    {
        using var scope = NewDisposeScope();
        var (schema, batch) = SyntheticObservations.Encoded();
        var network = new MultiEmbeddingNet(schema.Dimensions, new CtrConfig());

        var gates = network.GateWeights(batch);

        Assert.Equal([batch.Size, 3], gates.shape);
        Assert.True(allclose(gates.sum(dim: 1), ones(batch.Size), atol: 1e-5));
    }

    private static Tensor Scenarios(int rows, long scenario) => tensor(Enumerable.Repeat(scenario, rows).ToArray());

    private static bool[] OwnRows(Tensor gradient) =>
        Enumerable.Range(0, (int)gradient.shape[0]).Select(row => gradient[row].abs().sum().item<float>() > 0).ToArray();
}
