using Forecast.Application.Common.Refusals;
using Forecast.Application.Registry;
using Mediator;

namespace Forecast.Application.TrainingJobs.GetTrainingJob;

/// <summary>A training job of the tenant; another tenant's job is reported as not found.</summary>
public sealed record GetTrainingJob(Guid TenantId, string JobId) : IQuery<TrainingJobDto>;

public sealed class GetTrainingJobHandler(ITrainingScheduler scheduler) : IQueryHandler<GetTrainingJob, TrainingJobDto>
{
    public ValueTask<TrainingJobDto> Handle(GetTrainingJob query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(scheduler.Find(query.TenantId, query.JobId) ?? throw Refusal.NotFound("Job", query.JobId));
}
