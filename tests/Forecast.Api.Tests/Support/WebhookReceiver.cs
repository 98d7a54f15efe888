using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forecast.Api.Tests.Support;

/// <summary>
/// A real HTTP server on a loopback port that records what it is sent and answers with the statuses it is told, in
/// turn (then 200).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers;

    private WebhookReceiver(WebApplication app, IEnumerable<int> answers)
    {
        _app = app;
        _answers = new ConcurrentQueue<int>(answers);
    }

    public ConcurrentQueue<ReceivedDelivery> Received { get; } = new();

    public string Url { get; private set; } = "";

    public static async Task<WebhookReceiver> StartAsync(params int[] answers)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, answers);
        app.MapPost("/hook", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            var status = receiver._answers.TryDequeue(out var answer) ? answer : 200;
            receiver.Received.Enqueue(new ReceivedDelivery(
                request.Headers["Forecast-Event"].ToString(), request.Headers["Forecast-Delivery"].ToString(), request.Headers["Forecast-Signature"].ToString(), body, status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/hook";
        return receiver;
    }

    public async Task<IReadOnlyList<ReceivedDelivery>> WaitForAsync(Func<IReadOnlyList<ReceivedDelivery>, bool> done, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromMinutes(3));
        while (!done([.. Received]) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return [.. Received];
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>One POST as received, and what the receiver answered.</summary>
public sealed record ReceivedDelivery(string Event, string DeliveryId, string Signature, string Body, int Answered);
