using static TorchSharp.torch;

namespace Forecast.Ml.Ctr.Data;

/// <summary>Encoded observations as flat arrays (row-major), ready to become a <see cref="CtrBatch"/>.</summary>
public sealed class CtrFeatures(int count, int fields, int numerics, int sequenceLength)
{
    public int Count { get; } = count;

    public long[] Categorical { get; } = new long[count * fields];

    public float[] Numeric { get; } = new float[count * numerics];

    public long[] Candidate { get; } = new long[count];

    public long[] SequencePlacement { get; } = new long[count * sequenceLength];

    public long[] SequenceCtr { get; } = new long[count * sequenceLength];

    public float[] BaseLogit { get; } = new float[count];

    public float[] Impressions { get; } = new float[count];

    public float[] Clicks { get; } = new float[count];

    public CtrBatch ToBatch() => new(
        tensor(Categorical, [Count, fields]),
        tensor(Numeric, [Count, numerics]),
        tensor(Candidate),
        tensor(SequencePlacement, [Count, sequenceLength]),
        tensor(SequenceCtr, [Count, sequenceLength]),
        tensor(BaseLogit),
        tensor(Impressions),
        tensor(Clicks));
}
