using System.Diagnostics;

namespace Forecast.Bench.Scale;

/// <summary>
/// A standalone worker (src/Forecast.Jobs) on the benchmark's database, started and stopped by the benchmark: the API
/// runs without a job server under ./forecast.sh bench scale, so trainings run where the benchmark says.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;

    private WorkerProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public static WorkerProcess Start(int number)
    {
        var dll = Environment.GetEnvironmentVariable("FORECAST_WORKER_DLL")
            ?? throw new InvalidOperationException("FORECAST_WORKER_DLL is not set; use ./forecast.sh bench scale.");
        var log = Path.Combine(Path.GetTempPath(), $"forecast-bench-worker-{number}.log");
        var start = new ProcessStartInfo("bash", ["-c", $"exec dotnet \"$0\" --contentRoot \"$1\" > \"$2\" 2>&1", dll, Path.GetDirectoryName(dll)!, log]);
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        return new WorkerProcess(Process.Start(start) ?? throw new InvalidOperationException("The worker did not start."));
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
