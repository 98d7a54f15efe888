using System.Text.Json;
using FluentValidation;
using Forecast.Application.Common.Refusals;
using Forecast.Domain.Common;
using Forecast.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Forecast.Api.Errors;

/// <summary>
/// The one place refusals become RFC 9457 ProblemDetails: refusals and broken domain rules, validation failures (each field named),
/// unreadable bodies, write races, and the database being unreachable (503 with Retry-After: the request left nothing
/// behind and can be repeated). Anything else is a bug and is left to the 500 handler.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            Refusal refusal => Problem(StatusOf(refusal.Kind), refusal.Title, refusal.Message, refusal.Errors),
            DomainException rule => Problem(StatusCodes.Status409Conflict, rule.Title, rule.Message),
            ValidationException validation => Problem(
                StatusCodes.Status400BadRequest,
                "The request is invalid",
                "One or more fields are invalid; nothing was written.",
                validation.Errors
                    .GroupBy(failure => FieldName(failure.PropertyName))
                    .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException { InnerException: JsonException json } => UnreadableJson(json),
            JsonException json => UnreadableJson(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } missing when missing.Message.Contains("no body was provided", StringComparison.Ordinal) => Problem(
                StatusCodes.Status400BadRequest,
                "The request body is missing",
                "This operation needs a JSON body (not empty, not null); nothing was written.",
                new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] }),
            BadHttpRequestException unbound when UnboundParameter().Match(unbound.Message) is { Success: true } match => Problem(
                StatusCodes.Status400BadRequest,
                "The request is invalid",
                unbound.Message,
                new Dictionary<string, string[]> { [match.Groups["name"].Value] = [$"'{match.Groups["value"].Value}' is not a valid {match.Groups["type"].Value.TrimEnd('?')}."] }),
            BadHttpRequestException badRequest => Problem(badRequest.StatusCode, "The request cannot be read", badRequest.Message),
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => Problem(
                StatusCodes.Status409Conflict,
                "Concurrent write",
                "Another request created the same object at the same moment; repeat the request."),
            _ when DatabaseOutage.Caused(exception) => Problem(
                StatusCodes.Status503ServiceUnavailable,
                "The database is unavailable",
                $"The service cannot reach its database right now; nothing of this request was written. Repeat it after {DatabaseOutage.RetryAfter.TotalSeconds:F0} seconds."),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            // Dropped now, the first requests after the database returns open fresh connections instead of failing.
            DatabaseOutage.DropPooledConnections(httpContext.RequestServices.GetRequiredService<NpgsqlDataSource>());
            logger.LogWarning("{Method} {Path} answered 503, the database is unavailable: {Cause}",
                httpContext.Request.Method, httpContext.Request.Path, exception.GetBaseException().Message);
            httpContext.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>ASP.NET's message for a query or route value of the wrong type: 'Failed to bind parameter "DateOnly? asOf" from "x".'</summary>
    [System.Text.RegularExpressions.GeneratedRegex("""^Failed to bind parameter "(?<type>[^ "]+) (?<name>[^ "]+)" from "(?<value>.*)"\.$""")]
    private static partial System.Text.RegularExpressions.Regex UnboundParameter();

    private static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RefusalKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
        RefusalKind.UnknownReference => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static ProblemDetails UnreadableJson(JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) ? "body" : json.Path.TrimStart('$', '.');
        return Problem(
            StatusCodes.Status400BadRequest,
            "The request body is not valid JSON for this operation",
            "Fix the named field; nothing was written.",
            new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [json.Message.Split(" Path:")[0]] });
    }

    /// <summary>FluentValidation names properties as declared (PascalCase); the API speaks camelCase JSON.</summary>
    /// <summary>The JSON path of a property: "Items[0].Goal.Target" → "items[0].goal.target".</summary>
    private static string FieldName(string propertyName) =>
        propertyName.Length == 0
            ? "body"
            : string.Join('.', propertyName.Split('.').Select(segment => segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));

    private static ProblemDetails Problem(
        int status, string title, string detail, IReadOnlyDictionary<string, string[]>? errors = null)
    {
        var problem = errors is { Count: > 0 }
            ? new ValidationProblemDetails(errors.ToDictionary(pair => pair.Key, pair => pair.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        return problem;
    }
}
