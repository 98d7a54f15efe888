namespace Forecast.Ml.Forecasting.ManagedForward;

/// <summary>One embedding table per categorical attribute: codes [attributes] → their rows, concatenated.</summary>
internal sealed class CategoricalEmbeddingRows(IReadOnlyList<float[]> tables, int dimension)
{
    public int Width => tables.Count * dimension;

    public void Write(ReadOnlySpan<long> codes, Span<float> output)
    {
        for (var attribute = 0; attribute < tables.Count; attribute++)
        {
            tables[attribute].AsSpan(checked((int)codes[attribute] * dimension), dimension).CopyTo(output.Slice(attribute * dimension, dimension));
        }
    }
}
