using System.Runtime.InteropServices;

namespace Forecast.Ml.Forecasting.Trees;

/// <summary>
/// The few functions of LightGBM's C API (c_api.h) the tree forecaster needs. Every call returns 0 on success; otherwise
/// <see cref="Check"/> raises LGBM_GetLastError's message.
/// </summary>
internal static partial class LightGbmNative
{
    private const string Library = "lib_lightgbm";
    public const int Float32 = 0;
    public const int Float64 = 1;
    public const int PredictNormal = 0;
    public const int PredictRawScore = 1;

    [DllImport(Library)]
    private static extern IntPtr LGBM_GetLastError();

    [DllImport(Library)]
    public static extern int LGBM_DatasetCreateFromMat(
        float[] data, int dataType, int rows, int columns, int isRowMajor,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string parameters, IntPtr reference, out IntPtr dataset);

    [DllImport(Library)]
    public static extern int LGBM_DatasetSetField(IntPtr dataset, [MarshalAs(UnmanagedType.LPUTF8Str)] string field, float[] values, int count, int type);

    [DllImport(Library)]
    public static extern int LGBM_DatasetSetField(IntPtr dataset, [MarshalAs(UnmanagedType.LPUTF8Str)] string field, double[] values, int count, int type);

    [DllImport(Library)]
    public static extern int LGBM_DatasetFree(IntPtr dataset);

    [DllImport(Library)]
    public static extern int LGBM_BoosterCreate(IntPtr train, [MarshalAs(UnmanagedType.LPUTF8Str)] string parameters, out IntPtr booster);

    [DllImport(Library)]
    public static extern int LGBM_BoosterAddValidData(IntPtr booster, IntPtr validation);

    [DllImport(Library)]
    public static extern int LGBM_BoosterUpdateOneIter(IntPtr booster, out int finished);

    [DllImport(Library)]
    public static extern int LGBM_BoosterGetEval(IntPtr booster, int dataIndex, out int count, double[] results);

    [DllImport(Library)]
    public static extern int LGBM_BoosterSaveModelToString(
        IntPtr booster, int startIteration, int iterations, int importanceType, long bufferLength, out long length, byte[] buffer);

    [DllImport(Library)]
    public static extern int LGBM_BoosterLoadModelFromString([MarshalAs(UnmanagedType.LPUTF8Str)] string model, out int iterations, out IntPtr booster);

    [DllImport(Library)]
    public static extern int LGBM_BoosterPredictForMat(
        IntPtr booster, float[] data, int dataType, int rows, int columns, int isRowMajor, int predictType,
        int startIteration, int iterations, [MarshalAs(UnmanagedType.LPUTF8Str)] string parameters, out long length, double[] results);

    [DllImport(Library)]
    public static extern int LGBM_BoosterFree(IntPtr booster);

    public static void Check(int status)
    {
        if (status != 0)
        {
            throw new InvalidOperationException($"LightGBM: {Marshal.PtrToStringUTF8(LGBM_GetLastError())}");
        }
    }
}
