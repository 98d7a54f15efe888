using FluentValidation;
using FluentValidation.Results;

namespace Forecast.Application.Ingestion;

/// <summary>
/// Validates every row of a batch in one pass and names each failure <c>rows[i].field</c>. A plain loop rather than
/// RuleForEach: batches hold up to 100,000 rows and ingestion throughput is a product target.
/// </summary>
public abstract class BatchValidator<TBatch, TRow> : AbstractValidator<TBatch>
    where TBatch : IIngestionBatch<TRow>
{
    protected BatchValidator()
    {
        RuleFor(batch => batch.Rows).NotEmpty().OverridePropertyName("rows");
        RuleFor(batch => batch.Rows).Custom((rows, context) =>
        {
            var errors = new RowErrors(context);
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
    protected sealed class RowErrors(ValidationContext<TBatch> context)
    {
        private int _count;

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
    }
}
