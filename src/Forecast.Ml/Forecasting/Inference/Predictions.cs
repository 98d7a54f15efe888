namespace Forecast.Ml.Forecasting.Inference;

/// <summary>
/// A model's output for N samples, flat row-major: rates [N, tasks] in original units, P(count = 0) from the zero
/// heads [N, tasks], expert attention [N, tasks, experts] for attention models.
/// </summary>
public sealed record Predictions(float[] Rates, float[] ZeroProbability, float[]? Attention);
