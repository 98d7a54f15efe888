using Forecast.Application.Common.Persistence;
using Forecast.Application.Registry;
using Forecast.Domain.Registry;
using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Ensemble;
using Forecast.Ml.Forecasting.Training;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Jobs.Training;

/// <summary>
/// Scores a candidate and the current champion on the same validation days of the same panel; the candidate wins
/// when there is no champion or its mean SMAPE over the tasks both forecast is lower.
/// </summary>
internal sealed record ForecastChampionGate(
    IReadOnlyDictionary<ForecastTask, double> Candidate,
    IReadOnlyDictionary<ForecastTask, double>? Champion,
    Guid? ChampionId,
    bool CandidateWins)
{
    /// <summary>
    /// The tenant's forecast model champion, loaded: null model when there is none or its artifact is in an older format that can
    /// no longer serve (any new model replaces it then).
    /// </summary>
    public static async Task<(Guid? Id, ForecastModel? Model)> ChampionAsync(IForecastDbContext db, Guid tenantId, CancellationToken cancellationToken)
    {
        var champion = await db.Models.AsNoTracking()
            .Where(model => model.TenantId == tenantId && model.Kind == ModelKinds.Forecast && model.Status == ModelStatus.Champion)
            .Select(model => new { model.Id, model.Artifact })
            .SingleOrDefaultAsync(cancellationToken);
        if (champion?.Artifact is null)
        {
            return (null, null);
        }

        try
        {
            return (champion.Id, ForecastModel.Load(new MemoryStream(champion.Artifact)));
        }
        catch (InvalidDataException)
        {
            return (champion.Id, null);
        }
    }

    public static ForecastChampionGate Compare(
        ForecastModel candidate, (Guid? Id, ForecastModel? Model) champion, SeriesPanel panel, IReadOnlyList<int> days)
    {
        var candidateScores = candidate.Smape(panel, days);
        if (champion.Model is null)
        {
            return new ForecastChampionGate(candidateScores, null, champion.Id, true);
        }

        var championScores = champion.Model.Smape(panel, days);
        var shared = candidateScores.Keys.Intersect(championScores.Keys).ToList();
        var wins = shared.Count == 0 || shared.Average(task => candidateScores[task]) < shared.Average(task => championScores[task]);
        return new ForecastChampionGate(candidateScores, championScores, champion.Id, wins);
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
        training = new
        {
            report.Epochs, report.BestEpoch, report.BestValidationDeviance, report.Seconds, report.SamplesPerSecond, report.TrainingSamples,
            report.WarmStartedParameters, report.WarmStartAbandoned, report.SkippedSteps,
        },
    };
}
