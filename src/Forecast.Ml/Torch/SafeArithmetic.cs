using System.Collections.Concurrent;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecast.Ml.Torch;

/// <summary>
/// Tensor arithmetic that never hands libtorch a Scalar the garbage collector may free mid-call. TorchSharp 0.107 turns
/// numbers, and the implicit alpha of <c>tensor + tensor</c> (not of <c>-</c>, which takes none), into Scalar objects that hold a raw native pointer and
/// have a finalizer, and nothing keeps them alive during the native call: under allocation pressure the finalizer can
/// free a scalar libtorch is reading (seen here as "Expected false to be true" from Scalar::toFloat while scoring).
/// The scalars below live as long as the process, so forward passes, losses and predictions use them.
/// </summary>
public static class SafeArithmetic
{
    private static readonly ConcurrentDictionary<double, Scalar> Reals = new();
    private static readonly ConcurrentDictionary<long, Scalar> Integers = new();

    public static Scalar Real(double value) => Reals.GetOrAdd(value, number => number.ToScalar());

    public static Scalar Integer(long value) => Integers.GetOrAdd(value, number => number.ToScalar());

    public static Tensor Plus(this Tensor left, Tensor right) => left.add(right, One(left));

    public static Tensor Times(this Tensor tensor, double factor) => tensor.mul(Real(factor));

    public static Tensor DividedBy(this Tensor tensor, double divisor) => tensor.div(Real(divisor));

    public static Tensor AtLeast(this Tensor tensor, double minimum) => tensor.clamp_min(Real(minimum));

    public static Tensor Between(this Tensor tensor, double minimum, double maximum) => tensor.clamp(Real(minimum), Real(maximum));

    public static Tensor Above(this Tensor tensor, double threshold) => tensor.gt(Real(threshold));

    public static Tensor FilledWhere(this Tensor tensor, Tensor mask, double value) => tensor.masked_fill(mask, Real(value));

    /// <summary>Row indices start … start + count − 1 as a tensor, built from an array (arange would take Scalars).</summary>
    public static Tensor Rows(long start, long count)
    {
        var rows = new long[count];
        for (var row = 0; row < count; row++)
        {
            rows[row] = start + row;
        }

        return tensor(rows);
    }

    private static Scalar One(Tensor tensor) => tensor.is_floating_point() ? Real(1) : Integer(1);
}
