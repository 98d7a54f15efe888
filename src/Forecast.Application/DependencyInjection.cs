using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Application;

public static class DependencyInjection
{
    /// <summary>Registers the validators and the clock; Mediator itself is generated in each host (see README).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton);
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
