using Forecast.Ml.Forecasting.Data;

namespace Forecast.Ml.Forecasting.Training;

/// <summary>
/// Adam with early stopping on validation Poisson deviance; the seed fixes initialisation, dropout, shuffling and the
/// sample drawn when a tenant has more (series, as-of day) pairs than <paramref name="MaxTrainingSamples"/> or
/// <paramref name="MaxValidationSamples"/> (the shipped demo has 4,928 and 456: no sampling below about 12× its size).
/// A run without a finite validation deviance after <paramref name="DivergenceEpochs"/> epochs has diverged.
/// </summary>
public sealed record TrainingOptions(
    int MaxEpochs = 60,
    int BatchSize = 256,
    double LearningRate = 2e-3,
    int Patience = 6,
    long Seed = 42,
    double GradientClip = 5.0,
    int MaxTrainingSamples = 60_000,
    int MaxValidationSamples = 50_000,
    int DivergenceEpochs = 2)
{
    public SampleLimit TrainingLimit => new(MaxTrainingSamples, Seed);

    public SampleLimit ValidationLimit => new(MaxValidationSamples, Seed + 1);
}
