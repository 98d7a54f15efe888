namespace Forecast.Application.Common.Paging;

/// <summary>One page of a keyset-paged list; pass <see cref="NextCursor"/> back to get the next page.</summary>
/// <param name="Items">The items of this page, in key order.</param>
/// <param name="NextCursor">Opaque cursor of the next page; null on the last page.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
