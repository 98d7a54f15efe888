namespace Forecast.Domain.Registry;

/// <summary>Life of a registered model: training → candidate → champion → retired, or failed.</summary>
public enum ModelStatus
{
    Training,
    Candidate,
    Champion,
    Retired,
    Failed,
}
