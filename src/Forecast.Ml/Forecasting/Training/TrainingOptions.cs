namespace Forecast.Ml.Forecasting.Training;

/// <summary>Adam with early stopping on validation Poisson deviance; the seed fixes initialisation, dropout and shuffling.</summary>
public sealed record TrainingOptions(
    int MaxEpochs = 60,
    int BatchSize = 256,
    double LearningRate = 2e-3,
    int Patience = 6,
    long Seed = 42,
    double GradientClip = 5.0);
