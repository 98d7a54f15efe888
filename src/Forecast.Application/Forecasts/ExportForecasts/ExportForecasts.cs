using FluentValidation;
using Forecast.Application.Common;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Forecasts.GetAdvertiserForecasts;
using Forecast.Application.Registry;
using Mediator;

namespace Forecast.Application.Forecasts.ExportForecasts;

/// <summary>
/// Every advertiser's current forecasts in one file, one row per advertiser × scenario × task: the champion's
/// batch-scored forecasts of the tenant's latest day, read and written as they stream (memory does not grow with the
/// number of advertisers).
/// </summary>
public sealed record ExportForecasts(Guid TenantId, string Format, int Horizon, string? Scenario) : IQuery<ForecastExport>;

/// <summary>The file's format and its rows, read from the database as the writer asks for them.</summary>
public sealed record ForecastExport(IForecastExportFormat Format, IAsyncEnumerable<ExportedForecast> Rows);

public sealed class ExportForecastsValidator : AbstractValidator<ExportForecasts>
{
    public ExportForecastsValidator(IEnumerable<IForecastExportFormat> formats)
    {
        var names = formats.Select(format => format.Name).Order(StringComparer.Ordinal).ToList();
        RuleFor(query => query.Format).Must(names.Contains)
            .WithMessage($"Formats: {string.Join(", ", names)}.").OverridePropertyName("format");
        RuleFor(query => query.Horizon).Equal(GetAdvertiserForecastsValidator.SupportedHorizon)
            .WithMessage($"Models are trained for a {GetAdvertiserForecastsValidator.SupportedHorizon}-day horizon; ask for horizon={GetAdvertiserForecastsValidator.SupportedHorizon}.")
            .OverridePropertyName("horizon");
    }
}

public sealed class ExportForecastsHandler(IForecastDbContext db, IReferenceReader references, IForecastStore store, IEnumerable<IForecastExportFormat> formats)
    : IQueryHandler<ExportForecasts, ForecastExport>
{
    /// <summary>Refusals come before the first byte: once the file streams, its status is sent.</summary>
    public async ValueTask<ForecastExport> Handle(ExportForecasts query, CancellationToken cancellationToken)
    {
        await references.EnsureExistAsync(query.TenantId, null, query.Scenario, cancellationToken);
        var champion = await db.Models.ChampionIdAsync(query.TenantId, ModelKinds.Forecast, cancellationToken) ?? throw NoForecastModel.Refusal();
        var format = formats.Single(candidate => candidate.Name == query.Format);
        return new ForecastExport(format, ExportedForecast.RowsOf(store.StreamFreshAsync(query.TenantId, champion, query.Scenario, cancellationToken), cancellationToken));
    }
}
