using Forecast.Application.Ingestion;

namespace Forecast.Jobs.DemoData;

/// <summary>What a demo import read and wrote.</summary>
public sealed record DemoImportSummary(
    int SourceRows,
    int Scenarios,
    int Advertisers,
    IngestionResult DailyMetrics,
    IngestionResult BehaviourEvents,
    IngestionResult AdStats);
