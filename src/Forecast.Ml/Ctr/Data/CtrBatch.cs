using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Data;

/// <summary>
/// A batch of encoded observations: categorical codes [B, fields], numerics [B, numerics], the candidate slot ×
/// scenario token [B], the behaviour sequence [B, L] (placement tokens and CTR buckets; CTR bucket 0 = padding), the
/// base logit [B] every network's output adds to, and the binomial target (impressions as trials, clicks as successes).
/// </summary>
public sealed record CtrBatch(
    Tensor Categorical, Tensor Numeric, Tensor Candidate, Tensor SequencePlacement, Tensor SequenceCtr, Tensor BaseLogit, Tensor Impressions, Tensor Clicks) : IDisposable
{
    public long Size => Categorical.shape[0];

    public Tensor Advertiser => Categorical[.., CtrFeatureSchema.AdvertiserField];

    public Tensor Scenario => Categorical[.., CtrFeatureSchema.ScenarioField];

    public Tensor Slot => Categorical[.., CtrFeatureSchema.SlotField];

    public Tensor SequenceMask => SequenceCtr.Above(0);

    public CtrBatch Select(Tensor rows) => new(
        Categorical.index_select(0, rows), Numeric.index_select(0, rows), Candidate.index_select(0, rows),
        SequencePlacement.index_select(0, rows), SequenceCtr.index_select(0, rows), BaseLogit.index_select(0, rows), Impressions.index_select(0, rows), Clicks.index_select(0, rows));

    public void Dispose()
    {
        foreach (var tensor in new[] { Categorical, Numeric, Candidate, SequencePlacement, SequenceCtr, BaseLogit, Impressions, Clicks })
        {
            tensor.Dispose();
        }
    }
}
