using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Ml.Torch;

/// <summary>
/// Adam as PyTorch updates without weight decay or AMSGrad — m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g²,
/// θ ← θ − lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε) — with every Scalar it hands libtorch alive until the step ends.
/// TorchSharp 0.107's <c>optim.Adam</c> builds Scalars from numbers inside its step and nothing keeps them alive during
/// the native calls: a fresh-clone test run lost a training to one finalized mid-call ("Expected false to be true" from
/// Scalar::toDouble in div_Scalar inside Adam.step), the failure <see cref="SafeArithmetic"/> prevents in our own code.
/// </summary>
public sealed class SafeAdam : IDisposable
{
    private const double Beta1 = 0.9;
    private const double Beta2 = 0.999;
    private const double Epsilon = 1e-8;

    private readonly Parameter[] _parameters;
    private readonly Tensor[] _average;
    private readonly Tensor[] _averageSquare;
    private readonly double _learningRate;
    private long _steps;

    public SafeAdam(IEnumerable<Parameter> parameters, double learningRate)
    {
        _parameters = [.. parameters];
        _learningRate = learningRate;
        using var noGrad = no_grad();
        _average = [.. _parameters.Select(parameter => zeros_like(parameter).DetachFromDisposeScope())];
        _averageSquare = [.. _parameters.Select(parameter => zeros_like(parameter).DetachFromDisposeScope())];
    }

    public void ZeroGradients()
    {
        foreach (var parameter in _parameters)
        {
            using var gradient = parameter.grad;
            gradient?.zero_();
        }
    }

    public void Step()
    {
        _steps++;
        var (correction1, correction2) = (1 - Math.Pow(Beta1, _steps), 1 - Math.Pow(Beta2, _steps));
        using var beta1 = Beta1.ToScalar();
        using var remaining1 = (1 - Beta1).ToScalar();
        using var beta2 = Beta2.ToScalar();
        using var remaining2 = (1 - Beta2).ToScalar();
        using var rootCorrection2 = Math.Sqrt(correction2).ToScalar();
        using var epsilon = Epsilon.ToScalar();
        using var stepSize = (-_learningRate / correction1).ToScalar();
        using var noGrad = no_grad();
        for (var index = 0; index < _parameters.Length; index++)
        {
            using var gradient = _parameters[index].grad;
            if (gradient is null)
            {
                continue;
            }

            _average[index].mul_(beta1).add_(gradient, remaining1);
            _averageSquare[index].mul_(beta2).addcmul_(gradient, gradient, remaining2);
            using var denominator = _averageSquare[index].sqrt();
            denominator.div_(rootCorrection2).add_(epsilon);
            _parameters[index].addcdiv_(_average[index], denominator, stepSize);
        }
    }

    public void Dispose()
    {
        foreach (var state in _average.Concat(_averageSquare))
        {
            state.Dispose();
        }
    }
}
