using System.Net;
using System.Net.Sockets;

namespace Forecast.Jobs.Webhooks;

/// <summary>
/// Where a webhook delivery may connect. A tenant chooses the URL, so without a check a delivery could reach the
/// service's own network: its loopback, private ranges, the cloud metadata address (169.254.169.254). The check runs
/// on the addresses the name resolves to at connection time, so a name that resolves to a private address later is
/// refused too, and the connection goes to exactly the address checked.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>Whether the address is on the public internet (not loopback, private, link-local, shared or reserved).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal || address.IsIPv6Multicast);
        }

        var bytes = address.GetAddressBytes();
        return bytes[0] switch
        {
            0 or 10 or 127 => false,
            100 => bytes[1] is < 64 or > 127, // 100.64.0.0/10, carrier-grade NAT
            169 => bytes[1] != 254, // link-local, the metadata address among them
            172 => bytes[1] is < 16 or > 31,
            192 => !(bytes[1] == 168 || (bytes[1] == 0 && bytes[2] is 0 or 2)),
            198 => bytes[1] is not (18 or 19), // benchmarking
            >= 224 => false, // multicast and reserved
            _ => true,
        };
    }

    /// <summary>Connects to the first allowed address of the endpoint's name; none allowed is a failed attempt saying why.</summary>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivateNetworks, CancellationToken cancellationToken)
    {
        var resolved = await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = resolved.Where(address => allowPrivateNetworks || IsPublic(address)).ToArray();
        if (allowed.Length == 0)
        {
            throw new HttpRequestException(
                $"{endpoint.Host} resolves only to loopback or private addresses, which webhook deliveries do not reach (Forecast:Webhooks:AllowPrivateNetworks)");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
