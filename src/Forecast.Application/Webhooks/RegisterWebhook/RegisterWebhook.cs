using System.Net;
using System.Security.Cryptography;
using FluentValidation;
using Forecast.Application.Common.Persistence;
using Forecast.Application.Common.Refusals;
using Forecast.Domain.Webhooks;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Application.Webhooks.RegisterWebhook;

/// <summary>Subscribes a URL to some of the tenant's events; the answer holds the signing secret, once.</summary>
public sealed record RegisterWebhook(Guid TenantId, string? Url, IReadOnlyList<string>? Events, double? ChurnRiskThreshold) : ICommand<WebhookDto>;

public sealed class RegisterWebhookValidator : AbstractValidator<RegisterWebhook>
{
    public RegisterWebhookValidator()
    {
        RuleFor(command => command.Url).NotEmpty().MaximumLength(2048)
            .Must(BeDeliverable!).WithMessage("'url' must be an absolute https URL (http only to a loopback address, for development).")
            .When(command => command.Url is not null, ApplyConditionTo.CurrentValidator)
            .OverridePropertyName("url");
        RuleFor(command => command.Events).NotEmpty().OverridePropertyName("events");
        RuleForEach(command => command.Events).Must(WebhookEvents.All.Contains)
            .WithMessage($"Each event must be one of: {string.Join(", ", WebhookEvents.All)}.").OverridePropertyName("events");
        RuleFor(command => command.ChurnRiskThreshold).ExclusiveBetween(0, 1).OverridePropertyName("churnRiskThreshold");
    }

    private static bool BeDeliverable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address)))))
        && string.IsNullOrEmpty(uri.UserInfo);
}

public sealed class RegisterWebhookHandler(IForecastDbContext db, TimeProvider clock) : ICommandHandler<RegisterWebhook, WebhookDto>
{
    public const int MaxPerTenant = 10;
    public const double DefaultChurnRiskThreshold = 0.5;

    public async ValueTask<WebhookDto> Handle(RegisterWebhook command, CancellationToken cancellationToken)
    {
        if (await db.Webhooks.CountAsync(webhook => webhook.TenantId == command.TenantId, cancellationToken) >= MaxPerTenant)
        {
            throw Refusal.Conflict("Too many webhooks", $"A tenant has at most {MaxPerTenant} webhooks; delete one first.");
        }

        var secret = $"whsec_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";
        var webhook = WebhookSubscription.Create(command.TenantId, command.Url!, command.Events!, secret, command.ChurnRiskThreshold ?? DefaultChurnRiskThreshold, clock.GetUtcNow());
        db.Webhooks.Add(webhook);
        await db.SaveChangesAsync(cancellationToken);
        return WebhookDto.From(webhook) with { Secret = secret };
    }
}
