using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forecast.Jobs.Webhooks;

/// <summary>
/// The <c>Forecast-Signature</c> header: <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "t.body" under the
/// subscription's secret&gt;</c>. The timestamp is signed with the body, so a receiver can refuse a replayed delivery
/// (one older than it tolerates) as well as a forged one.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Forecast-Signature";

    public static string Of(string secret, DateTimeOffset timestamp, string body)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{seconds}.{body}"));
        return $"t={seconds},v1={Convert.ToHexStringLower(mac)}";
    }
}
