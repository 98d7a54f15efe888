using System.Text;

namespace Forecast.Ml.Forecasting.Trees;

/// <summary>
/// One trained LightGBM model. It lives as LightGBM's own model text, which is what artifacts store: training ends by
/// reloading the text it saved, so a booster in memory and one loaded from an artifact predict bit for bit alike.
/// </summary>
public sealed class LightGbmBooster : IDisposable
{
    /// <summary>e^40 ≈ 2e17: no count or amount forecast exceeds it; the cap keeps a rate finite in float.</summary>
    private const double MaxLogRate = 40;

    private IntPtr _handle;

    private LightGbmBooster(string modelText)
    {
        ModelText = modelText;
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterLoadModelFromString(modelText, out _, out _handle));
    }

    public string ModelText { get; }

    public static LightGbmBooster Load(string modelText) => new(modelText);

    /// <summary>
    /// Boosts on the training rows and keeps the round with the lowest validation metric (early stopping after
    /// <paramref name="patience"/> rounds without improvement). Offsets, where given, are each row's initial raw score
    /// (a log level for Poisson and Tweedie objectives): the trees then learn a correction to it.
    /// </summary>
    public static LightGbmBooster Train(TreeMatrix train, float[] trainLabels, TreeMatrix validation, float[] validationLabels,
        string parameters, string datasetParameters, int maxRounds, int patience, (double[] Train, double[] Validation)? offsets = null)
    {
        IntPtr trainSet = IntPtr.Zero, validationSet = IntPtr.Zero, booster = IntPtr.Zero;
        try
        {
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetCreateFromMat(
                train.Values, LightGbmNative.Float32, train.Rows, train.Columns, 1, datasetParameters, IntPtr.Zero, out trainSet));
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(trainSet, "label", trainLabels, trainLabels.Length, LightGbmNative.Float32));
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetCreateFromMat(
                validation.Values, LightGbmNative.Float32, validation.Rows, validation.Columns, 1, datasetParameters, trainSet, out validationSet));
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(validationSet, "label", validationLabels, validationLabels.Length, LightGbmNative.Float32));
            if (offsets is { } initial)
            {
                LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(trainSet, "init_score", initial.Train, initial.Train.Length, LightGbmNative.Float64));
                LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(validationSet, "init_score", initial.Validation, initial.Validation.Length, LightGbmNative.Float64));
            }

            LightGbmNative.Check(LightGbmNative.LGBM_BoosterCreate(trainSet, parameters, out booster));
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterAddValidData(booster, validationSet));

            var (bestRound, bestScore) = (1, double.PositiveInfinity);
            var metric = new double[8];
            for (var round = 1; round <= maxRounds && round - bestRound <= patience; round++)
            {
                LightGbmNative.Check(LightGbmNative.LGBM_BoosterUpdateOneIter(booster, out var finished));
                LightGbmNative.Check(LightGbmNative.LGBM_BoosterGetEval(booster, 1, out _, metric));
                if (metric[0] < bestScore)
                {
                    (bestRound, bestScore) = (round, metric[0]);
                }

                if (finished != 0) break;
            }

            return new LightGbmBooster(SaveToString(booster, bestRound));
        }
        finally
        {
            if (booster != IntPtr.Zero) LightGbmNative.LGBM_BoosterFree(booster);
            if (validationSet != IntPtr.Zero) LightGbmNative.LGBM_DatasetFree(validationSet);
            if (trainSet != IntPtr.Zero) LightGbmNative.LGBM_DatasetFree(trainSet);
        }
    }

    /// <summary>The model's output per row (a rate for Poisson and Tweedie objectives, a probability for binary ones).</summary>
    public double[] Predict(TreeMatrix rows) => Predict(rows, LightGbmNative.PredictNormal);

    /// <summary>The rate per row of a Poisson or Tweedie model trained with offsets: exp(offset + raw score).</summary>
    public double[] PredictRate(TreeMatrix rows, double[] offsets)
    {
        var raw = Predict(rows, LightGbmNative.PredictRawScore);
        for (var row = 0; row < raw.Length; row++)
        {
            raw[row] = Math.Exp(Math.Min(offsets[row] + raw[row], MaxLogRate));
        }

        return raw;
    }

    private double[] Predict(TreeMatrix rows, int predictType)
    {
        var output = new double[rows.Rows];
        if (rows.Rows == 0) return output;
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterPredictForMat(
            _handle, rows.Values, LightGbmNative.Float32, rows.Rows, rows.Columns, 1, predictType, 0, -1,
            rows.Rows < 1024 ? "num_threads=1" : "", out _, output));
        return output;
    }

    public void Dispose()
    {
        if (_handle == IntPtr.Zero) return;
        LightGbmNative.LGBM_BoosterFree(_handle);
        _handle = IntPtr.Zero;
    }

    private static string SaveToString(IntPtr booster, int rounds)
    {
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterSaveModelToString(booster, 0, rounds, 0, 0, out var length, []));
        var buffer = new byte[length];
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterSaveModelToString(booster, 0, rounds, 0, length, out _, buffer));
        return Encoding.UTF8.GetString(buffer, 0, (int)length - 1);
    }
}

/// <summary>A row-major float matrix of tree features.</summary>
public sealed record TreeMatrix(float[] Values, int Rows, int Columns);
