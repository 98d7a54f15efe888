using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Forecast.Bench.Serving;

/// <summary>Runs wrk (2 threads, one with a single connection; loopback) and reads its throughput and latency percentiles; any non-2xx answer fails the run.</summary>
internal static partial class Wrk
{
    public sealed record Result(double RequestsPerSecond, double P50Ms, double P99Ms);

    /// <param name="url">What to request.</param>
    /// <param name="apiKey">The tenant key sent with every request.</param>
    /// <param name="connections">Open connections.</param>
    /// <param name="seconds">Duration.</param>
    /// <param name="jsonBody">When set, requests are POSTs of this JSON body.</param>
    /// <param name="cancellationToken">Stops waiting for wrk.</param>
    public static Task<Result> RunAsync(string url, string apiKey, int connections, int seconds, string? jsonBody, CancellationToken cancellationToken)
    {
        var escaped = jsonBody?.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        var script = escaped is null ? null : $"wrk.method = \"POST\"\nwrk.body = \"{escaped}\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n";
        return RunScriptAsync(url, apiKey, connections, seconds, script, cancellationToken);
    }

    /// <summary>GETs that go round a list of paths of <paramref name="baseUrl"/> (each wrk thread from the first).</summary>
    public static Task<Result> RunOverAsync(string baseUrl, IReadOnlyList<string> paths, string apiKey, int connections, int seconds, CancellationToken cancellationToken)
    {
        var list = string.Join(",", paths.Select(path => $"\"{path}\""));
        var script = $"local paths = {{{list}}}\nlocal turn = 0\nrequest = function()\n  turn = turn % #paths + 1\n  return wrk.format(\"GET\", paths[turn])\nend\n";
        return RunScriptAsync(baseUrl, apiKey, connections, seconds, script, cancellationToken);
    }

    private static async Task<Result> RunScriptAsync(string url, string apiKey, int connections, int seconds, string? luaScript, CancellationToken cancellationToken)
    {
        var arguments = new List<string> { $"-t{Math.Min(2, connections)}", $"-c{connections}", $"-d{seconds}s", "--latency", "-H", $"X-Api-Key: {apiKey}" };
        string? script = null;
        if (luaScript is not null)
        {
            script = Path.Combine(Path.GetTempPath(), $"wrk-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(script, luaScript, cancellationToken);
            arguments.AddRange(["-s", script]);
        }

        arguments.Add(url);
        try
        {
            using var wrk = Process.Start(new ProcessStartInfo("wrk", arguments) { RedirectStandardOutput = true })!;
            var output = await wrk.StandardOutput.ReadToEndAsync(cancellationToken);
            await wrk.WaitForExitAsync(cancellationToken);
            if (output.Contains("Non-2xx", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"wrk saw errors:\n{output}");
            }

            return new Result(
                double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
                Milliseconds(Percentile().Matches(output).Single(match => match.Groups[1].Value == "50")),
                Milliseconds(Percentile().Matches(output).Single(match => match.Groups[1].Value == "99")));
        }
        finally
        {
            if (script is not null)
            {
                File.Delete(script);
            }
        }
    }

    private static double Milliseconds(Match percentile)
    {
        var value = double.Parse(percentile.Groups[2].Value, CultureInfo.InvariantCulture);
        return percentile.Groups[3].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"^\s+(\d+)%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline)]
    private static partial Regex Percentile();
}
