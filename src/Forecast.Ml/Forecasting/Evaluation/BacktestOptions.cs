using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Model;
using Forecast.Ml.Forecasting.Training;

namespace Forecast.Ml.Forecasting.Evaluation;

public sealed record BacktestOptions(
    ForecastWindow Window,
    M2MConfig M2M,
    TrainingOptions Training,
    bool Ablations = true,
    bool ColdStart = true,
    Action<string>? Log = null);
