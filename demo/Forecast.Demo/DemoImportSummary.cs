using Forecast.Application.Ingestion;

namespace Forecast.Demo;

/// <summary>What a demo import read and wrote.</summary>
public sealed record DemoImportSummary(
    int SourceRows,
    int Scenarios,
    int Advertisers,
    IngestionResult DailyMetrics,
    IngestionResult BehaviourEvents,
    IngestionResult AdStats);
