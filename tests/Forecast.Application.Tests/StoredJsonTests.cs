using System.Text.Json;
using Forecast.Application.Common;
using Forecast.Application.Registry;

namespace Forecast.Application.Tests;

public sealed class StoredJsonTests
{
    [Fact]
    public void A_progress_report_with_an_infinite_and_a_nan_loss_serializes_and_names_them()
    {
        var progress = TrainingProgressDto.Of("training", 40, 3, 60, double.PositiveInfinity, double.NaN);

        var json = JsonSerializer.Serialize(progress, JsonSerializerOptions.Web);

        Assert.Null(progress.TrainLoss);
        Assert.Null(progress.ValidationLoss);
        Assert.Equal(["trainLoss", "validationLoss"], progress.NotFinite);
        Assert.Contains("\"notFinite\":[\"trainLoss\",\"validationLoss\"]", json);
    }

    [Fact]
    public void Stored_metrics_write_a_non_finite_figure_as_its_name_and_read_it_back()
    {
        var json = JsonSerializer.Serialize(new { deviance = double.PositiveInfinity, loss = double.NaN, smape = 12.5 }, StoredJson.Options);

        Assert.Equal("""{"deviance":"Infinity","loss":"NaN","smape":12.5}""", json);
        Assert.True(double.IsPositiveInfinity(JsonSerializer.Deserialize<Dictionary<string, double>>(json, StoredJson.Options)!["deviance"]));
    }
}
