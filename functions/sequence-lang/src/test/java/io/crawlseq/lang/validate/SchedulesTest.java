package io.crawlseq.lang.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.crawlseq.lang.expr.SyntaxError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)", "rate(1 day)",
        "rate(7 days)", "cron(0 6 * * ? *)", "cron(0/15 * * * ? *)", "cron(30 2 ? * MON-FRI *)",
        "cron(0 12 L * ? *)", "cron(0 8 ? * 6#3 *)", "cron(0 8 ? * 6L 2030)", "cron(15 10 LW JAN-MAR ? 1970-2199)",
        "cron(0 0 1,15 * ? *)", "cron(0 9 15W * ? *)"})
    void validExpressions_areAccepted(String expression) {
        assertThat(Schedules.check(expression)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            every day                  |  0 | expected rate(<value> <unit>) such as rate(1 day), or cron(<6 fields>) such as cron(0 6 * * ? *)
            rate(1 minutes)            |  7 | with a value of 1 the unit is singular: 'minute'
            rate(5 hour)               |  7 | with a value above 1 the unit is plural: 'hours'
            rate(0 days)               |  5 | the rate must be a whole number from 1 to 999999999
            rate(2 weeks)              |  7 | unknown unit 'weeks'; use minute(s), hour(s) or day(s)
            rate(5)                    |  5 | rate(...) takes a positive whole number and a unit, e.g. rate(5 minutes)
            cron(0 6 * * ?)            |  5 | cron(...) has 6 fields (minutes hours day-of-month month day-of-week year); found 5
            cron(0 6 * * * *)          | 13 | exactly one of day-of-month and day-of-week must be '?' (e.g. cron(0 6 * * ? *))
            cron(0 6 ? * ? *)          |  9 | exactly one of day-of-month and day-of-week must be '?' (e.g. cron(0 6 * * ? *))
            cron(60 6 * * ? *)         |  5 | minutes must be 0-59; found 60
            cron(0 6 * 13 ? *)         | 11 | month must be 1-12 or JAN-DEC; found 13
            cron(0 6 ? * FUN *)        | 13 | 'FUN' is not a valid day-of-week value or SUN-SAT
            cron(0 6 ? * 2#6 *)        | 15 | the week number after '#' must be 1 to 5
            cron(0/0 6 * * ? *)        |  7 | the increment after '/' must be a positive number
            cron(0 ? * * * *)          |  7 | '?' is only allowed in day-of-month and day-of-week
            cron(0 6 * * ? 1969)       | 15 | year must be 1970-2199; found 1969
            cron(0 6,,7 * * ? *)       | 9  | empty value in hours
            """)
    void invalidExpressions_sayWhyAndWhere(String expression, int offset, String message) {
        SyntaxError error = Schedules.check(expression).orElseThrow();

        assertThat(error.message()).isEqualTo(message);
        assertThat(error.offset()).isEqualTo(offset);
    }
}
