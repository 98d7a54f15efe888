using Forecast.Infrastructure;
using Forecast.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Forecast.Migrations;

/// <summary>Lets `dotnet ef migrations add` build the model without starting a host or reaching a database.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ForecastDbContext>
{
    public ForecastDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ForecastDbContext>()
            .UseNpgsql("Host=localhost;Database=forecast", npgsql => npgsql.MigrationsAssembly(DependencyInjection.MigrationsAssembly))
            .UseSnakeCaseNamingConvention()
            .Options);
}
