namespace Forecast.Ml.Ctr.Training;

/// <summary>How a CTR training run went: epochs run, the kept (best) epoch and its validation log-loss.</summary>
public sealed record CtrTrainingReport(int Epochs, int BestEpoch, double BestValidationLogLoss, double Seconds);

/// <summary>One epoch of one network, for progress reports.</summary>
public sealed record CtrTrainingProgress(string Architecture, int Epoch, int MaxEpochs, double TrainLogLoss, double ValidationLogLoss);
