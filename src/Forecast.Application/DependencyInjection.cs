using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Application;

public static class DependencyInjection
{
    /// <summary>Registers the validators, the clock and the bid estimator; Mediator itself is generated in each host (see README).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<Bids.BidEstimator>();
        return services;
    }
}
