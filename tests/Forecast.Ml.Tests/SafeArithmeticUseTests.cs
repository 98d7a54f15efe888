using System.Text.RegularExpressions;
using Forecast.Ml.Torch;

namespace Forecast.Ml.Tests;

/// <summary>
/// Decision 017's hazard kept out by a rule the build checks: no tensor call in the models' sources hands TorchSharp a
/// number literal, which it would turn into a Scalar the garbage collector may free during the native call. Such
/// numbers go through <see cref="SafeArithmetic"/> (<c>AtLeast</c>, <c>Times</c>, <c>Real</c>, …).
/// </summary>
public sealed partial class SafeArithmeticUseTests
{
    [GeneratedRegex(@"\.(clamp_min|clamp_max|clamp|add|sub|mul|div|pow|masked_fill|fill_|gt|ge|lt|le|eq|ne)\(\s*-?\d")]
    private static partial Regex LiteralScalarCall();

    [Fact]
    public void No_tensor_call_in_the_model_sources_takes_a_number_literal()
    {
        var root = RepositoryRoot();
        var sources = new[] { "src/Forecast.Ml", "bench/Forecast.Ml.Research" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        var offending = sources.SelectMany(path => File.ReadLines(path).Select((line, index) => (path, line, number: index + 1)))
            .Where(entry => LiteralScalarCall().IsMatch(entry.line))
            .Select(entry => $"{Path.GetRelativePath(root, entry.path)}:{entry.number}: {entry.line.Trim()}")
            .ToList();

        Assert.True(sources.Count > 100, $"only {sources.Count} sources found under {root}");
        Assert.True(offending.Count == 0, string.Join(Environment.NewLine, offending));
    }

    [Fact]
    public void The_rule_sees_a_literal_where_one_is_written()
    {
        Assert.Matches(LiteralScalarCall(), "var safe = rates.clamp_min(1e-8);");
        Assert.Matches(LiteralScalarCall(), "loss.mul(-0.5)");
        Assert.DoesNotMatch(LiteralScalarCall(), "rates.AtLeast(1e-8).clamp_min(Real(minimum))");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Forecast.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no Forecast.sln above {AppContext.BaseDirectory}");
    }
}
