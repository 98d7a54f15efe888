using FluentValidation;
using Mediator;

namespace Forecast.Application.Common.Behaviours;

/// <summary>
/// Rejects NUL characters in any string of a message, then runs every FluentValidation validator of it, before its
/// handler; a failure never reaches a handler.
/// </summary>
public sealed class ValidationBehaviour<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        if (NulCharacters.Find(message) is { Count: > 0 } nul)
        {
            throw new ValidationException(nul);
        }

        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            if (!result.IsValid)
            {
                throw new ValidationException(result.Errors);
            }
        }

        return await next(message, cancellationToken);
    }
}
