using System.Diagnostics;
using Forecast.Ml.Forecasting.Evaluation;
using Forecast.Ml.Forecasting.Model;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Training;

/// <summary>
/// Trains a rate model with Adam on the Poisson loss and keeps the weights of the epoch with the lowest validation
/// Poisson deviance. Synchronous on purpose: TorchSharp dispose scopes are per thread, so no await inside.
/// </summary>
public static class RateModelTrainer
{
    public static TrainingReport Train(
        RateModel model, ForecastBatch train, ForecastBatch validation, TrainingOptions options, Action<TrainingProgress>? progress = null)
    {
        using var optimizer = new SafeAdam(model.parameters(), options.LearningRate);
        var shuffling = new Generator((ulong)options.Seed);
        var clock = Stopwatch.StartNew();
        var best = double.PositiveInfinity;
        var bestEpoch = 0;
        using var bestWeights = new BestWeights();
        var epoch = 0;
        long samplesSeen = 0;
        while (epoch < options.MaxEpochs && epoch - bestEpoch < options.Patience)
        {
            epoch++;
            var epochClock = Stopwatch.StartNew();
            var trainLoss = RunEpoch(model, optimizer, train, options, shuffling);
            samplesSeen += train.Size;
            var deviance = RateModelPredictor.MeanDeviance(model, validation);
            var improved = deviance < best;
            if (improved)
            {
                best = deviance;
                bestEpoch = epoch;
                bestWeights.Keep(model);
            }

            progress?.Invoke(new TrainingProgress(epoch, options.MaxEpochs, trainLoss, deviance, train.Size / epochClock.Elapsed.TotalSeconds, improved));
        }

        bestWeights.Restore(model);

        model.eval();
        return new TrainingReport(epoch, bestEpoch, best, clock.Elapsed.TotalSeconds, samplesSeen / clock.Elapsed.TotalSeconds, train.Size);
    }

    private static double RunEpoch(RateModel model, SafeAdam optimizer, ForecastBatch train, TrainingOptions options, Generator shuffling)
    {
        model.train();
        using var order = randperm(train.Size, generator: shuffling);
        double total = 0;
        for (long start = 0; start < train.Size; start += options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var batch = train.Select(order.narrow(0, start, Math.Min(options.BatchSize, train.Size - start)));
            var output = model.forward(batch);
            var loss = ForecastLoss.Compute(output, batch);
            optimizer.ZeroGradients();
            loss.backward();
            nn.utils.clip_grad_norm_(model.parameters(), options.GradientClip);
            optimizer.Step();
            total += loss.item<float>() * batch.Size;
        }

        return total / train.Size;
    }
}
