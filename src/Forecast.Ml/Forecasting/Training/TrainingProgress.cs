namespace Forecast.Ml.Forecasting.Training;

/// <summary>One finished epoch, as a job would publish it.</summary>
public sealed record TrainingProgress(
    int Epoch,
    int MaxEpochs,
    double TrainLoss,
    double ValidationDeviance,
    double SamplesPerSecond,
    bool Improved);

/// <summary>
/// How a training run ended; the model holds the weights of <see cref="BestEpoch"/>. <see cref="WarmStartedParameters"/>:
/// how many parameter tensors started from the previous champion's (0: a cold start).
/// </summary>
public sealed record TrainingReport(
    int Epochs, int BestEpoch, double BestValidationDeviance, double Seconds, double SamplesPerSecond, long TrainingSamples, int WarmStartedParameters = 0);
