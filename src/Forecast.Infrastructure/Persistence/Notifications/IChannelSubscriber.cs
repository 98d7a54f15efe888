namespace Forecast.Infrastructure.Persistence.Notifications;

/// <summary>
/// Something this process keeps in memory and a PostgreSQL notification channel keeps true: every instance hears what
/// any instance (or any statement, through a trigger) announces on it.
/// </summary>
internal interface IChannelSubscriber
{
    string Channel { get; }

    /// <summary>The channel is listened to from now on; what was announced before may have been missed.</summary>
    void Listening();

    /// <summary>The connection to the channel is lost: announcements are missed until <see cref="Listening"/>.</summary>
    void Lost();

    void Notified(string payload);
}
