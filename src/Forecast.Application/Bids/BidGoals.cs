namespace Forecast.Application.Bids;

/// <summary>
/// Bids are CPM prices (per thousand impressions), as exchanges auction them. The bid that pays exactly the goal's
/// target on expectation: cpc: bid = 1000 · pCTR · target; cpa: bid = 1000 · pCTR · pCVR · target; ecpm: bid = target.
/// </summary>
public static class BidGoals
{
    public const string Cpc = "cpc";
    public const string Cpa = "cpa";
    public const string Ecpm = "ecpm";

    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { Cpc, Cpa, Ecpm };

    public static decimal RecommendedBid(BidGoal goal, double clickThroughRate, double? conversionRate) => goal.Type switch
    {
        Cpc => Round(1000 * clickThroughRate * (double)goal.Target),
        Cpa => Round(1000 * clickThroughRate * (conversionRate ?? 0) * (double)goal.Target),
        Ecpm => goal.Target,
        _ => throw new ArgumentOutOfRangeException(nameof(goal), goal.Type, "unknown goal type"),
    };

    public static string Formula(string type) => type switch
    {
        Cpc => "bid (CPM) = 1000 × pCTR × target CPC",
        Cpa => "bid (CPM) = 1000 × pCTR × pCVR × target CPA",
        Ecpm => "bid (CPM) = target eCPM",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown goal type"),
    };

    private static decimal Round(double value) => Math.Round((decimal)value, 4, MidpointRounding.AwayFromZero);
}
