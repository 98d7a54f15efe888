namespace Forecast.Ml.Ctr.Data;

/// <summary>Input sizes a CTR network is built for: field cardinalities, numeric count, behaviour vocabulary and length.</summary>
public sealed record CtrDimensions(int[] Cardinalities, int Numerics, int Placements, int CtrBuckets, int SequenceLength)
{
    public int Fields => Cardinalities.Length;
}
