namespace Forecast.Bench.Training;

/// <summary>Resident and peak memory of a process on this machine, as Linux reports them in /proc.</summary>
internal static class ProcessMemory
{
    public static (double RssMb, double PeakMb) Of(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return (Kilobytes(status, "VmRSS:") / 1024.0, Kilobytes(status, "VmHWM:") / 1024.0);
    }

    private static long Kilobytes(string[] status, string field) =>
        long.Parse(status.First(line => line.StartsWith(field, StringComparison.Ordinal))[field.Length..].Trim().Split(' ')[0]);
}
