using System.Text.Json;
using Forecast.Application.Common;
using Forecast.Application.Registry;
using Hangfire.Server;

namespace Forecast.Jobs.Training;

/// <summary>Stores a job's progress as a job parameter in Hangfire's storage, where GET /v1/jobs/{id} reads it.</summary>
internal sealed class TrainingProgressReporter(PerformContext? context)
{
    public const string Parameter = "progress";

    public void Report(TrainingProgressDto progress) =>
        context?.Connection.SetJobParameter(context.BackgroundJob.Id, Parameter, JsonSerializer.Serialize(progress, StoredJson.Options));

    public static TrainingProgressDto? Read(string? stored) =>
        stored is null ? null : JsonSerializer.Deserialize<TrainingProgressDto>(stored, StoredJson.Options);
}
