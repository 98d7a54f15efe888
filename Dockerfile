# One build, two images: `--target api` (HTTP) and `--target worker` (Hangfire server). The .NET 10 images are
# Ubuntu 24.04, whose libstdc++ already has what TorchSharp needs, so the Debian 12 patch step does nothing here.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Forecast.Api -c Release -o /out/api \
 && dotnet publish src/Forecast.Jobs -c Release -o /out/worker

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS api
WORKDIR /app
COPY --from=build /out/api .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Forecast.Api.dll"]

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS worker
WORKDIR /app
COPY --from=build /out/worker .
ENTRYPOINT ["dotnet", "Forecast.Jobs.dll"]
