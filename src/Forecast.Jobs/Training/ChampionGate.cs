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

        ForecastModel championModel;
        try
        {
            championModel = ForecastModel.Load(new MemoryStream(champion.Artifact));
        }
        catch (InvalidDataException)
        {
            // A champion saved in an older artifact format cannot serve any more: any new model replaces it.
            return new ChampionGate(candidateScores, null, champion.Id, true);
        }

        using var loaded = championModel;
        var championScores = championModel.Smape(panel, days);
        var shared = candidateScores.Keys.Intersect(championScores.Keys).ToList();
        var wins = shared.Count == 0 || shared.Average(task => candidateScores[task]) < shared.Average(task => championScores[task]);
        return new ChampionGate(candidateScores, championScores, champion.Id, wins);
    }

    public object Metrics(TrainingReport report, ForecastModelManifest manifest, IReadOnlyList<CandidateScore> candidates) => new
    {
        validationSmape = Candidate.ToDictionary(pair => pair.Key.Name(), pair => pair.Value),
        validationByForecaster = candidates
            .GroupBy(score => score.Task)
            .ToDictionary(task => task.Key, task => task.ToDictionary(score => score.Source, score => new { smape = score.Smape, nmae = score.Nmae })),
        served = manifest.Selection.Blends.Select(blend => new
        {
            task = blend.Task,
            scenario = blend.Scenario,
            segment = blend.Segment,
            forecaster = blend.Describe(),
            validationSamples = blend.ValidationSamples,
            smape = blend.ValidationSmape,
            nmae = blend.ValidationNmae,
            seasonalNaiveSmape = blend.NaiveSmape,
            seasonalNaiveNmae = blend.NaiveNmae,
        }),
        intervals = manifest.Intervals.Intervals,
        churn = manifest.Churn,
        championValidationSmape = Champion?.ToDictionary(pair => pair.Key.Name(), pair => pair.Value),
        championId = ChampionId,
        promoted = CandidateWins,
        training = new { report.Epochs, report.BestEpoch, report.BestValidationDeviance, report.Seconds, report.SamplesPerSecond, report.TrainingSamples },
    };
}
