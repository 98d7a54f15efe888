namespace Forecast.Ml.Ctr.Training;

/// <summary>Adam with early stopping on validation log-loss; the seed fixes initialisation, dropout and shuffling.</summary>
public sealed record CtrTrainingOptions(
    int MaxEpochs = 40,
    int BatchSize = 256,
    double LearningRate = 1e-3,
    int Patience = 4,
    long Seed = 42,
    int SequenceLength = 12,
    double ValidationFraction = 0.2);
