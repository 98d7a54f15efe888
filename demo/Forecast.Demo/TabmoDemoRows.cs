using Forecast.Application.Ingestion.AdStats;
using Forecast.Application.Ingestion.BehaviourEvents;
using Forecast.Application.Ingestion.DailyMetrics;

namespace Forecast.Demo;

/// <summary>The TabMo file mapped onto Forecast's data model (see <see cref="TabmoCampaignMapping"/>).</summary>
public sealed record TabmoDemoRows(
    int SourceRows,
    IReadOnlyDictionary<string, (string Name, IReadOnlyDictionary<string, string> Attributes)> Scenarios,
    IReadOnlyDictionary<string, (string Name, IReadOnlyDictionary<string, string> Profile)> Advertisers,
    IReadOnlyList<DailyMetricRow> DailyMetrics,
    IReadOnlyList<BehaviourEventRow> BehaviourEvents,
    IReadOnlyList<AdStatRow> AdStats);
