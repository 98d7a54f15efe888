using System.Diagnostics;
using Forecast.Ml.Forecasting.Inference;
using Forecast.Ml.Forecasting.Network;
using Forecast.Ml.Torch;
using static TorchSharp.torch;

namespace Forecast.Ml.Forecasting.Training;

/// <summary>
/// Trains a rate model with Adam on the Poisson loss and keeps the weights of the epoch with the lowest validation
/// Poisson deviance. Synchronous on purpose: TorchSharp dispose scopes are per thread, so no await inside.
/// A batch whose loss or gradient norm is not finite takes no step (counted in the report), so one bad batch cannot
/// turn the weights into NaN; a run that has no finite validation deviance after <see cref="TrainingOptions.DivergenceEpochs"/>
/// epochs stops and reports itself diverged (a warm start then falls back to a cold one).
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
        var skippedSteps = 0;
        while (epoch < options.MaxEpochs && epoch - bestEpoch < options.Patience)
        {
            if (bestEpoch == 0 && epoch >= options.DivergenceEpochs)
            {
                break;
            }

            epoch++;
            var epochClock = Stopwatch.StartNew();
            var (trainLoss, skipped) = RunEpoch(model, optimizer, train, options, shuffling);
            skippedSteps += skipped;
            samplesSeen += train.Size;
            var deviance = RateModelPredictor.MeanDeviance(model, validation);
            var improved = double.IsFinite(deviance) && deviance < best;
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
        return new TrainingReport(epoch, bestEpoch, best, clock.Elapsed.TotalSeconds, samplesSeen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), train.Size)
        {
            SkippedSteps = skippedSteps,
        };
    }

    /// <returns>The mean loss of the batches that stepped (NaN when none did) and how many batches did not.</returns>
    private static (double Loss, int Skipped) RunEpoch(RateModel model, SafeAdam optimizer, ForecastBatch train, TrainingOptions options, Generator shuffling)
    {
        model.train();
        using var order = randperm(train.Size, generator: shuffling);
        double total = 0;
        long stepped = 0;
        var skipped = 0;
        for (long start = 0; start < train.Size; start += options.BatchSize)
        {
            using var scope = NewDisposeScope();
            var batch = train.Select(order.narrow(0, start, Math.Min(options.BatchSize, train.Size - start)));
            var output = model.forward(batch);
            var loss = ForecastLoss.Compute(output, batch);
            var value = loss.item<float>();
            optimizer.ZeroGradients();
            if (!float.IsFinite(value))
            {
                skipped++;
                continue;
            }

            loss.backward();
            if (!double.IsFinite(nn.utils.clip_grad_norm_(model.parameters(), options.GradientClip)))
            {
                optimizer.ZeroGradients();
                skipped++;
                continue;
            }

            optimizer.Step();
            total += value * batch.Size;
            stepped += batch.Size;
        }

        return (stepped == 0 ? double.NaN : total / stepped, skipped);
    }
}
