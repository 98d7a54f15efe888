using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Forecast.Migrations.Migrations
{
    /// <summary>
    /// The served ensemble's kind is "forecast", no longer "m2m" (docs/decisions/021-one-vocabulary.md): the registry's
    /// rows are renamed, and so are the jobs Hangfire holds by the type names that changed (queued, scheduled or
    /// recurring jobs of the forecast and CTR trainings), or a queued training would fail to load after the upgrade.
    /// Hangfire's schema is its own and may not exist yet on a fresh database; it is only touched where it does.
    /// </summary>
    public partial class OneVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Rename(
            ("m2m", "forecast"),
            ("Forecast.Jobs.Training.TrainM2MJob", "Forecast.Jobs.Training.TrainForecastModelJob"),
            ("Forecast.Jobs.Ctr.TrainCtrJob", "Forecast.Jobs.Training.TrainCtrJob"),
            ("train-m2m-", "train-forecast-")));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.Sql(Rename(
            ("forecast", "m2m"),
            ("Forecast.Jobs.Training.TrainForecastModelJob", "Forecast.Jobs.Training.TrainM2MJob"),
            ("Forecast.Jobs.Training.TrainCtrJob", "Forecast.Jobs.Ctr.TrainCtrJob"),
            ("train-forecast-", "train-m2m-")));

        private static string Rename((string From, string To) kind, (string From, string To) forecastJob, (string From, string To) ctrJob, (string From, string To) recurring) => $"""
            UPDATE models SET kind = '{kind.To}' WHERE kind = '{kind.From}';
            DO $$
            BEGIN
                IF to_regclass('hangfire.job') IS NOT NULL THEN
                    UPDATE hangfire.job SET invocationdata = replace(replace(invocationdata::text,
                        '{forecastJob.From},', '{forecastJob.To},'), '{ctrJob.From},', '{ctrJob.To},')::jsonb
                    WHERE invocationdata::text LIKE '%{forecastJob.From},%' OR invocationdata::text LIKE '%{ctrJob.From},%';
                    UPDATE hangfire.hash SET value = replace(replace(value,
                        '{forecastJob.From},', '{forecastJob.To},'), '{ctrJob.From},', '{ctrJob.To},')
                    WHERE key LIKE 'recurring-job:%' AND (value LIKE '%{forecastJob.From},%' OR value LIKE '%{ctrJob.From},%');
                    UPDATE hangfire.hash SET key = replace(key, 'recurring-job:{recurring.From}', 'recurring-job:{recurring.To}')
                    WHERE key LIKE 'recurring-job:{recurring.From}%';
                    UPDATE hangfire.set SET value = replace(value, '{recurring.From}', '{recurring.To}')
                    WHERE key = 'recurring-jobs' AND value LIKE '{recurring.From}%';
                END IF;
            END $$;
            """;
    }
}
