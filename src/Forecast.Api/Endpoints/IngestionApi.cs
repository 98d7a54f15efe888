using System.Security.Claims;
using Forecast.Api.Authentication;
using Forecast.Api.OpenApi;
using Forecast.Api.RateLimiting;
using Forecast.Application.Ingestion;
using Forecast.Application.Ingestion.AdStats;
using Forecast.Application.Ingestion.AuctionOutcomes;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.Csv;
using Forecast.Application.Ingestion.DailyMetrics;
using Mediator;

namespace Forecast.Api.Endpoints;

/// <summary>
/// Batch ingestion of the tenant's facts, as JSON or CSV. Each batch is one transaction: every row is upserted on its
/// key or, if any row is bad, none is (400 naming row and field; 422 for unknown advertisers or scenarios, which must be
/// created first; 413 above 100,000 rows or 64 MiB). Replaying a batch changes nothing.
/// </summary>
internal static class IngestionApi
{
    private static readonly DateTimeOffset ExampleSlot = new(2019, 1, 15, 16, 0, 0, TimeSpan.Zero);

    public static RouteGroupBuilder MapIngestionApi(this RouteGroupBuilder v1)
    {
        var ingest = v1.MapGroup("/ingest").WithTags("Ingestion").RequireAuthorization(ApiKeyDefaults.TenantPolicy)
            .RequireRateLimiting(ApiRateLimits.Ingestion);
        ingest.MapBatch(
                "/daily-metrics", new DailyMetricCsv(), (tenant, rows) => new IngestDailyMetrics(tenant, rows),
                new DailyMetricRow("934", "app", new DateOnly(2019, 1, 15), 15230, 212, 48.30m),
                "advertiserId,scenario,date,impressions,clicks,spend\n934,app,2019-01-15,15230,212,48.30\n")
            .WithSummary("Ingest daily metrics (performance per advertiser, scenario and day)");
        ingest.MapBatch(
                "/behaviour-events", new BehaviourEventCsv(), (tenant, rows) => new IngestBehaviourEvents(tenant, rows),
                new BehaviourEventRow("934", "budget_change", ExampleSlot, "app", 250),
                "advertiserId,eventType,occurredAt,scenario,value\n934,budget_change,2019-01-15T16:00:00Z,app,250\n")
            .WithSummary("Ingest advertiser behaviour events");
        ingest.MapBatch(
                "/ad-stats", new AdStatCsv(), (tenant, rows) => new IngestAdStats(tenant, rows),
                new AdStatRow("934", "app", ExampleSlot, 240, 510, 5, new Dictionary<string, string> { ["creative"] = "banner-320x50" }),
                "advertiserId,scenario,bucketStart,bucketMinutes,impressions,clicks,creative\n934,app,2019-01-15T16:00:00Z,240,510,5,banner-320x50\n")
            .WithSummary("Ingest ad statistics (impressions and clicks per time bucket and context)")
            .WithDescription("In CSV every column beyond the known ones is a context field, so impression logs can be sent as they are.");
        ingest.MapBatch(
                "/auction-outcomes", new AuctionOutcomeCsv(), (tenant, rows) => new IngestAuctionOutcomes(tenant, rows),
                new AuctionOutcomeRow("a-20190115-000123", "app", ExampleSlot, 2.40m, true, 1.95m, "934"),
                "auctionId,scenario,occurredAt,bid,won,marketPrice,advertiserId\na-20190115-000123,app,2019-01-15T16:02:11Z,2.40,true,1.95,934\n")
            .WithSummary("Ingest auction outcomes (bids, market prices, wins)");
        return v1;
    }

    private static RouteHandlerBuilder MapBatch<TRow>(
        this RouteGroupBuilder group,
        string path,
        ICsvRowMap<TRow> csv,
        Func<Guid, IReadOnlyList<TRow>, IIngestionBatch<TRow>> batchOf,
        TRow exampleRow,
        string csvExample) =>
        group.MapPost(path, async (
                HttpRequest request, ClaimsPrincipal user, BatchBodyReader reader, IMediator mediator, CancellationToken cancellationToken) =>
            {
                var rows = await reader.ReadAsync(request, csv, cancellationToken);
                return TypedResults.Ok(await mediator.Send(batchOf(user.TenantId(), rows), cancellationToken));
            })
            .Accepts<IngestionBatchBody<TRow>>("application/json", BatchBodyReader.Csv)
            .Produces<IngestionResult>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithRequestExample(new IngestionBatchBody<TRow>([exampleRow]), csvExample);
}
