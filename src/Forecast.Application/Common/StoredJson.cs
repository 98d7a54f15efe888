using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecast.Application.Common;

/// <summary>
/// How the service writes the JSON it stores (model metrics and hyper-parameters, job progress): web names, and an
/// infinite or NaN figure written as the string "Infinity" or "NaN" — reported as such — rather than thrown at (a
/// retraining once failed on the progress report of a loss that became infinite).
/// </summary>
public static class StoredJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerOptions.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
