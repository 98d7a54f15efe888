namespace Forecast.Application.Common;

/// <summary>The state after an upsert, and whether it created the object (201) or found it (200).</summary>
public sealed record Upserted<T>(T Value, bool Created);
