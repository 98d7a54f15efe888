using System.Buffers.Text;
using System.Text;

namespace Forecast.Application.Common.Paging;

/// <summary>
/// Opaque cursors for keyset paging: the last key of a page, base64url-encoded. Keyset paging (WHERE key &gt; last)
/// cannot skip or repeat rows when rows are added between pages, unlike OFFSET.
/// </summary>
public static class KeysetCursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static string Encode(string lastKey) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(lastKey));

    public static bool TryDecode(string? cursor, out string? lastKey)
    {
        lastKey = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            lastKey = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Builds a page from up to limit + 1 rows read in key order: the extra row only says a next page exists.</summary>
    public static Page<T> ToPage<T>(IReadOnlyList<T> rows, int limit, Func<T, string> keyOf) =>
        rows.Count > limit
            ? new Page<T>(rows.Take(limit).ToList(), Encode(keyOf(rows[limit - 1])))
            : new Page<T>(rows, null);
}
