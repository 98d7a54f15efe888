using Forecast.Application.Common.Persistence;
using Forecast.Application.Models;
using Forecast.Domain.Models;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Serving;
using Forecast.Ml.Forecasting.Training;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Jobs.Training;

/// <summary>
/// Scores a candidate and the current champion on the same validation days of the same panel; the candidate wins
/// when there is no champion or its mean SMAPE over the tasks both forecast is lower.
/// </summary>
internal sealed record ChampionGate(
    IReadOnlyDictionary<ForecastTask, double> Candidate,
    IReadOnlyDictionary<ForecastTask, double>? Champion,
    Guid? ChampionId,
    bool CandidateWins)
{
    public static async Task<ChampionGate> CompareAsync(
        IForecastDbContext db, ForecastModel candidate, SeriesPanel panel, IReadOnlyList<int> days, Guid tenantId, CancellationToken cancellationToken)
    {
        var candidateScores = candidate.Smape(panel, days);
        var champion = await db.Models.AsNoTracking()
            .Where(model => model.TenantId == tenantId && model.Kind == ModelKinds.M2M && model.Status == ModelStatus.Champion)
            .Select(model => new { model.Id, model.Artifact })
            .SingleOrDefaultAsync(cancellationToken);
        if (champion?.Artifact is null)
        {
            return new ChampionGate(candidateScores, null, null, true);
        }

        using var championModel = ForecastModel.Load(new MemoryStream(champion.Artifact));
        var championScores = championModel.Smape(panel, days);
        var shared = candidateScores.Keys.Intersect(championScores.Keys).ToList();
        var wins = shared.Count == 0 || shared.Average(task => candidateScores[task]) < shared.Average(task => championScores[task]);
        return new ChampionGate(candidateScores, championScores, champion.Id, wins);
    }

    public object Metrics(TrainingReport report) => new
    {
        validationSmape = Candidate.ToDictionary(pair => pair.Key.Name(), pair => pair.Value),
        championValidationSmape = Champion?.ToDictionary(pair => pair.Key.Name(), pair => pair.Value),
        championId = ChampionId,
        promoted = CandidateWins,
        training = new { report.Epochs, report.BestEpoch, report.BestValidationDeviance, report.Seconds, report.SamplesPerSecond },
    };
}
