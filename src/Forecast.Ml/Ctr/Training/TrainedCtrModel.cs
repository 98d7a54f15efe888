using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Inference;

namespace Forecast.Ml.Ctr.Training;

/// <summary>One trained network of a suite with its scores: validation (calibrated), and test raw and calibrated when the split had a test range.</summary>
public sealed record TrainedCtrModel(
    CtrModel Model, CtrTrainingReport Report, CtrScores Validation, CtrScores? TestUncalibrated, CtrScores? Test);
