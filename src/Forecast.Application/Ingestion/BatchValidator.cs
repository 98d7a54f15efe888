using FluentValidation;
using FluentValidation.Results;
using Microsoft.Extensions.Options;

namespace Forecast.Application.Ingestion;

/// <summary>
/// Validates every row of a batch in one pass and names each failure <c>rows[i].field</c>. A plain loop rather than
/// RuleForEach: batches hold up to 100,000 rows and ingestion throughput is a product target. Dates and magnitudes are
/// held to <see cref="IngestionBounds"/>, today being the server's when the batch arrives.
/// </summary>
public abstract class BatchValidator<TBatch, TRow> : AbstractValidator<TBatch>
    where TBatch : IIngestionBatch<TRow>
{
    protected BatchValidator(TimeProvider clock, IOptions<IngestionBounds> bounds)
    {
        RuleFor(batch => batch.Rows).NotEmpty().OverridePropertyName("rows");
        RuleFor(batch => batch.Rows).Custom((rows, context) =>
        {
            var errors = new RowErrors(context, bounds.Value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(bounds.Value.MaxDaysAhead));
            for (var index = 0; index < rows.Count && !errors.Full; index++)
            {
                if (rows[index] is null)
                {
                    errors.Add(index, "", "The row is null.");
                    continue;
                }

                ValidateRow(rows[index], index, errors);
            }
        });
    }

    protected abstract void ValidateRow(TRow row, int index, RowErrors errors);

    /// <summary>Collects row failures up to <see cref="BatchLimits.MaxReportedErrors"/>.</summary>
    protected sealed class RowErrors(ValidationContext<TBatch> context, IngestionBounds bounds, DateOnly latestDay)
    {
        private int _count;

        public IngestionBounds Bounds => bounds;

        public bool Full => _count >= BatchLimits.MaxReportedErrors;

        public void Add(int index, string field, string message)
        {
            _count++;
            var name = field.Length == 0 ? $"rows[{index}]" : $"rows[{index}].{field}";
            context.AddFailure(new ValidationFailure(name, message));
        }

        public void RequireId(int index, string field, string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(index, field, $"'{field}' is required.");
            }
            else if (value.Length > Common.ReferenceRules.MaxIdLength)
            {
                Add(index, field, $"'{field}' is longer than {Common.ReferenceRules.MaxIdLength} characters.");
            }
        }

        public void RequireNonNegative(int index, string field, decimal? value)
        {
            if (value < 0)
            {
                Add(index, field, $"'{field}' must not be negative.");
            }
        }

        /// <summary>Not negative, and at most <paramref name="maximum"/>: beyond it a figure is a unit or typing error.</summary>
        public void RequireMagnitude(int index, string field, decimal? value, decimal maximum)
        {
            RequireNonNegative(index, field, value);
            if (value > maximum)
            {
                Add(index, field, $"'{field}' is {value}, above the plausible {maximum:0} per row (Forecast:Ingestion bounds).");
            }
        }

        public void RequireDate(int index, string field, DateOnly date)
        {
            if (date < bounds.EarliestDate || date > latestDay)
            {
                Add(index, field, $"'{field}' is {date:yyyy-MM-dd}, outside {bounds.EarliestDate:yyyy-MM-dd} to {latestDay:yyyy-MM-dd} (the server's today + {bounds.MaxDaysAhead} day(s)).");
            }
        }

        public void RequireTime(int index, string field, DateTimeOffset time) =>
            RequireDate(index, field, DateOnly.FromDateTime(time.UtcDateTime));
    }
}
