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
/// how many parameter tensors started from the previous champion's (0: a cold start). <see cref="SkippedSteps"/>: batches
/// whose loss or gradient was not finite and took no step. <see cref="WarmStartAbandoned"/>: a warm start diverged and
/// this run is the cold start that replaced it.
/// </summary>
public sealed record TrainingReport(
    int Epochs, int BestEpoch, double BestValidationDeviance, double Seconds, double SamplesPerSecond, long TrainingSamples, int WarmStartedParameters = 0)
{
    public int SkippedSteps { get; init; }

    public bool WarmStartAbandoned { get; init; }

    /// <summary>No epoch reached a finite validation deviance: the weights are the last epoch's, not a best one's.</summary>
    public bool Diverged => BestEpoch == 0;
}
