using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Common.Refusals;
using Forecast.Application.Forecasts;
using Mediator;

namespace Forecast.Application.Advertisers.DeleteAdvertiserRows;

/// <summary>
/// Deletes an advertiser's rows of one kind from <c>from</c> to <c>to</c> (inclusive days, UTC), in one scenario or all.
/// Deleting what is already gone deletes nothing and says so; the tenant's forecasts are re-scored when rows went.
/// </summary>
public sealed record DeleteAdvertiserRows(Guid TenantId, string AdvertiserId, AdvertiserRows Rows, DateOnly? From, DateOnly? To, string? Scenario)
    : ICommand<DeletedRows>;

/// <param name="AdvertiserId">The advertiser.</param>
/// <param name="Deleted">Rows deleted (0 when none were there).</param>
public sealed record DeletedRows(string AdvertiserId, long Deleted);

public sealed class DeleteAdvertiserRowsValidator : AbstractValidator<DeleteAdvertiserRows>
{
    /// <summary>Ranges are bounded so a typo cannot delete decades: a whole history goes with erasure instead.</summary>
    public const int MaxRangeDays = 3660;

    public DeleteAdvertiserRowsValidator()
    {
        RuleFor(command => command.AdvertiserId).NotEmpty().MaximumLength(ReferenceRules.MaxIdLength).OverridePropertyName("id");
        RuleFor(command => command.From).NotNull().OverridePropertyName("from");
        RuleFor(command => command.To).NotNull().OverridePropertyName("to");
        RuleFor(command => command.To).GreaterThanOrEqualTo(command => command.From).When(command => command.From is not null)
            .WithMessage("'to' must not be before 'from'.").OverridePropertyName("to");
        RuleFor(command => command)
            .Must(command => command.From is null || command.To is null || command.To.Value.DayNumber - command.From.Value.DayNumber < MaxRangeDays)
            .WithMessage($"A range covers at most {MaxRangeDays} days; erase the advertiser (DELETE /v1/advertisers/{{id}}) to remove all of it.")
            .OverridePropertyName("to");
        RuleFor(command => command.Scenario).MaximumLength(ReferenceRules.MaxIdLength).OverridePropertyName("scenario");
    }
}

public sealed class DeleteAdvertiserRowsHandler(IAdvertiserDataEraser eraser, IForecastRefresher forecasts) : ICommandHandler<DeleteAdvertiserRows, DeletedRows>
{
    public async ValueTask<DeletedRows> Handle(DeleteAdvertiserRows command, CancellationToken cancellationToken)
    {
        var deleted = await eraser.DeleteRowsAsync(
            command.TenantId, command.AdvertiserId, command.Rows, command.From!.Value, command.To!.Value, command.Scenario, Audit.AuditActions.Tenant, cancellationToken)
            ?? throw Refusal.NotFound(command.Scenario is null ? "Advertiser" : "Advertiser or scenario",
                command.Scenario is null ? command.AdvertiserId : $"{command.AdvertiserId} / {command.Scenario}");
        if (deleted > 0 && command.Rows != AdvertiserRows.AdStats)
        {
            forecasts.Refresh(command.TenantId);
        }

        return new DeletedRows(command.AdvertiserId, deleted);
    }
}
