using Forecast.Ml.Forecasting.Data;
using Forecast.Ml.Forecasting.Network;

namespace Forecast.Ml.Forecasting.Training;

/// <summary>A panel cut into train, validation and test samples, with schema and scaling fitted on train only.</summary>
public sealed class PreparedSplit : IDisposable
{
    private PreparedSplit(SeriesPanel panel, ForecastWindow window, TemporalSplit split, FeatureSchema schema,
        FeatureScaling scaling, SampleSet train, SampleSet validation, SampleSet test)
    {
        Panel = panel;
        Window = window;
        Split = split;
        Schema = schema;
        Scaling = scaling;
        Train = train;
        Validation = validation;
        Test = test;
        TrainBatch = ForecastBatch.From(train, schema, scaling);
        ValidationBatch = ForecastBatch.From(validation, schema, scaling);
        TestBatch = ForecastBatch.From(test, schema, scaling);
        Dimensions = ModelDimensions.Of(schema, window);
    }

    public SeriesPanel Panel { get; }

    public ForecastWindow Window { get; }

    public TemporalSplit Split { get; }

    public FeatureSchema Schema { get; }

    public FeatureScaling Scaling { get; }

    public SampleSet Train { get; }

    public SampleSet Validation { get; }

    public SampleSet Test { get; }

    public ForecastBatch TrainBatch { get; }

    public ForecastBatch ValidationBatch { get; }

    public ForecastBatch TestBatch { get; }

    public ModelDimensions Dimensions { get; }

    /// <summary>
    /// Fits schema and scaling on <paramref name="trainingPanel"/>'s training days and cuts validation samples from it too;
    /// test samples come from <paramref name="evaluationPanel"/> (the same panel, except for cold start where it still
    /// has the held-out scenario).
    /// </summary>
    public static PreparedSplit Create(
        SeriesPanel trainingPanel, ForecastWindow window, SeriesPanel? evaluationPanel = null, int testDays = TemporalSplit.DefaultTestDays,
        SampleLimit? trainingLimit = null, SampleLimit? validationLimit = null)
    {
        var evaluation = evaluationPanel ?? trainingPanel;
        var split = TemporalSplit.ByLastDays(trainingPanel.Days, window, testDays: testDays);
        var schema = FeatureSchema.Fit(trainingPanel, split.Train, window);
        var train = SampleBuilder.Build(trainingPanel, split.Train, schema, window, trainingLimit);
        var scaling = FeatureScaling.Fit(train, schema);
        return new PreparedSplit(evaluation, window, split, schema, scaling, train,
            SampleBuilder.Build(trainingPanel, split.Validation, schema, window, validationLimit),
            SampleBuilder.Build(evaluation, split.Test, schema, window));
    }

    public void Dispose()
    {
        foreach (var batch in new[] { TrainBatch, ValidationBatch, TestBatch })
        {
            batch.Performance.Dispose();
            batch.Behaviour.Dispose();
            batch.Dense.Dispose();
            batch.ScenarioCodes.Dispose();
            batch.AdvertiserCodes.Dispose();
            batch.Offset.Dispose();
            batch.Targets.Dispose();
            batch.TargetMask.Dispose();
        }
    }
}
