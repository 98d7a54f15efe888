using Microsoft.AspNetCore.Hosting;

namespace Forecast.Api.Tests.Support;

/// <summary>The service training only the seed papers' CTR architectures (and the historical-CTR baseline, always trained).</summary>
public sealed class SeedPaperCtrApp : ForecastApp
{
    public const string Architectures = "autoattention, star, multi-embedding, gwen, pnn";

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Forecast:Jobs:CtrArchitectures", Architectures);
}
