using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Serving;

namespace Forecast.Ml.Ctr.Training;

/// <summary>One trained network of a suite with its scores: validation (calibrated), and test raw and calibrated when the split had a test range.</summary>
public sealed record TrainedClickModel(
    ClickModel Model, ClickTrainingReport Report, ClickScores Validation, ClickScores? TestUncalibrated, ClickScores? Test);
