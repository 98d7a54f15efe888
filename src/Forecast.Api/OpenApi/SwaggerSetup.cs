using Forecast.Api.Authentication;
using Microsoft.OpenApi;

namespace Forecast.Api.OpenApi;

internal static class SwaggerSetup
{
    public static IServiceCollection AddForecastSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Forecast API",
                Version = "v1",
                Description = "Forecasts of each advertiser's spend, exposure and churn per advertising scenario. "
                    + $"Authenticate with the {ApiKeyDefaults.Header} header: a tenant key for tenant data, the admin key for /v1/tenants.",
            });
            foreach (var xml in Directory.GetFiles(AppContext.BaseDirectory, "Forecast.*.xml"))
            {
                options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            }

            options.AddSecurityDefinition(ApiKeyDefaults.Scheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyDefaults.Header,
                Description = "A tenant API key (fk_...) or the admin key.",
            });
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [],
            });
            options.OperationFilter<RequestExampleFilter>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }
}
