using Forecast.Application.Common.Persistence;
using Forecast.Application.Registry;
using Forecast.Domain.Registry;
using Forecast.Ml.Ctr.Evaluation;
using Forecast.Ml.Ctr.Inference;
using Forecast.Ml.Ctr.Training;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Jobs.Training;

/// <summary>
/// Scores a run's best CTR model and the current champion on the same validation rows; the candidate wins when there
/// is no champion or its calibrated log-loss is lower.
/// </summary>
internal sealed record CtrChampionGate(double CandidateLogLoss, double? ChampionLogLoss, Guid? ChampionId)
{
    public bool CandidateWins => ChampionLogLoss is not { } champion || CandidateLogLoss < champion;

    public static async Task<CtrChampionGate> CompareAsync(
        IForecastDbContext db, CtrScores candidate, CtrModelSuite.ScoredRows validation,
        Guid tenantId, CancellationToken cancellationToken)
    {
        var champion = await db.Models.AsNoTracking()
            .Where(model => model.TenantId == tenantId && model.Kind == ModelKinds.Ctr && model.Status == ModelStatus.Champion)
            .Select(model => new { model.Id, model.Artifact })
            .SingleOrDefaultAsync(cancellationToken);
        if (champion?.Artifact is null)
        {
            return new CtrChampionGate(candidate.LogLoss, null, null);
        }

        CtrModel championModel;
        try
        {
            championModel = CtrModel.Load(new MemoryStream(champion.Artifact));
        }
        catch (InvalidDataException)
        {
            // Saved in an older artifact format: it cannot serve any more, so any new model replaces it.
            return new CtrChampionGate(candidate.LogLoss, null, champion.Id);
        }

        using var loaded = championModel;
        return new CtrChampionGate(candidate.LogLoss, championModel.Score(validation.Rows, validation.Histories).LogLoss, champion.Id);
    }
}
