using Forecast.Application.Accuracy;
using Forecast.Application.Bids;
using Forecast.Application.Common;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Security;
using Forecast.Application.Forecasts;
using Forecast.Application.Forecasts.ExportForecasts;
using Forecast.Application.Ingestion;
using Forecast.Application.Ingestion.AdStats;
using Forecast.Application.Ingestion.AuctionOutcomes;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;
using Forecast.Application.Registry;
using Forecast.Infrastructure.Bids;
using Forecast.Infrastructure.Forecasts;
using Forecast.Infrastructure.Forecasts.Export;
using Forecast.Infrastructure.Ingestion;
using Forecast.Infrastructure.Jobs;
using Forecast.Infrastructure.Persistence;
using Forecast.Infrastructure.Persistence.Notifications;
using Forecast.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forecast.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Forecast";
    public const string MigrationsAssembly = "Forecast.Migrations";

    /// <summary>~2.3 KB each for an advertiser in two scenarios of three tasks (measured): ~50 MB when full.</summary>
    private const int DefaultCachedForecastAdvertisers = 20_000;

    /// <summary>
    /// PostgreSQL (one data source shared by EF and the bulk paths), migrations on start, API-key lookup, and the caches
    /// kept true by the database's notification channels.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set; ./forecast.sh run sets it to its embedded PostgreSQL.");

        services.AddNpgsqlDataSource(connectionString);
        services.AddDbContext<ForecastDbContext>((provider, options) => options
            .UseNpgsql(provider.GetRequiredService<NpgsqlDataSource>(), npgsql => npgsql
                .MigrationsAssembly(MigrationsAssembly)
                // A query or save that meets a connection broken by a database restart runs again on a fresh one;
                // during a real outage the retries end within about a second and the request answers 503.
                .EnableRetryOnFailure(maxRetryCount: 2, maxRetryDelay: TimeSpan.FromMilliseconds(500), errorCodesToAdd: null))
            .UseSnakeCaseNamingConvention());
        services.AddScoped<IForecastDbContext>(provider => provider.GetRequiredService<ForecastDbContext>());
        services.AddHostedService<DatabaseMigrator>();

        services.AddSingleton<IBatchIngestor, NpgsqlBatchIngestor>();
        services.AddSingleton<FactTable<DailyMetricRow>, DailyMetricTable>();
        services.AddSingleton<FactTable<BehaviourEventRow>, BehaviourEventTable>();
        services.AddSingleton<FactTable<AdStatRow>, AdStatTable>();
        services.AddSingleton<FactTable<AuctionOutcomeRow>, AuctionOutcomeTable>();

        services.AddSingleton<CachedApiKeyResolver>();
        services.AddSingleton<IApiKeyResolver>(provider => provider.GetRequiredService<CachedApiKeyResolver>());
        services.AddSingleton<IChannelSubscriber>(provider => provider.GetRequiredService<CachedApiKeyResolver>());
        services.AddSingleton(new FreshForecastCache(configuration.GetValue("Forecast:Serving:CachedForecastAdvertisers", DefaultCachedForecastAdvertisers)));
        services.AddSingleton<IChannelSubscriber>(provider => provider.GetRequiredService<FreshForecastCache>());
        services.AddHostedService<DatabaseChannelListener>();
        services.AddSingleton<ITenantHistoryReader, NpgsqlTenantHistoryReader>();
        services.AddSingleton<NpgsqlForecastStore>();
        services.AddSingleton<IForecastStore, CachedForecastStore>();
        services.AddSingleton<IForecastExportFormat, CsvForecastExport>();
        services.AddSingleton<IForecastExportFormat, ParquetForecastExport>();
        services.AddSingleton<IForecastAccuracyStore, NpgsqlForecastAccuracyStore>();
        services.AddSingleton<IAdStatsReader, NpgsqlAdStatsReader>();
        services.AddSingleton<IConversionReader, NpgsqlConversionReader>();
        services.AddSingleton<IAuctionMarketReader, NpgsqlAuctionMarketReader>();
        services.AddSingleton<IReferenceReader, NpgsqlReferenceReader>();
        services.AddSingleton<Application.Advertisers.IAdvertiserDataEraser, Erasure.NpgsqlAdvertiserDataEraser>();
        services.AddSingleton<ITenantRunLock>(_ => new PostgresAdvisoryRunLock(connectionString));
        return services;
    }
}
