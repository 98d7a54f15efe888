using FluentValidation;
using Mediator;

namespace Forecast.Application.Registry.TrainModel;

/// <summary>
/// Queues a training run of the tenant's model of a kind and returns the job to follow — or, when one of that kind is
/// already queued, running or waiting to retry, returns that one: a second request never starts a second run.
/// </summary>
public sealed record TrainModel(Guid TenantId, string Kind) : ICommand<TrainingAccepted>;

/// <param name="JobId">The training job; follow it at /v1/jobs/{jobId}.</param>
public sealed record TrainingAccepted(string JobId);

public sealed class TrainModelValidator : AbstractValidator<TrainModel>
{
    public TrainModelValidator()
    {
        RuleFor(command => command.Kind).Must(ModelKinds.Trainable.Contains)
            .WithMessage($"Trainable kinds: {string.Join(", ", ModelKinds.Trainable)}.")
            .OverridePropertyName("kind");
    }
}

public sealed class TrainModelHandler(ITrainingScheduler scheduler) : ICommandHandler<TrainModel, TrainingAccepted>
{
    public async ValueTask<TrainingAccepted> Handle(TrainModel command, CancellationToken cancellationToken) =>
        new(await scheduler.TrainAsync(command.TenantId, command.Kind, cancellationToken));
}
