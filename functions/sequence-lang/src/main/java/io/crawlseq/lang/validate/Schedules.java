package io.crawlseq.lang.validate;

import io.crawlseq.lang.expr.SyntaxError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks EventBridge schedule expressions: {@code rate(5 minutes)} and six-field
 * {@code cron(minutes hours day-of-month month day-of-week year)}, where exactly one of
 * day-of-month and day-of-week is {@code ?}. Offsets in errors point into the expression.
 */
public final class Schedules {

    private static final Pattern RATE = Pattern.compile("rate\\((.*)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
    private static final Pattern RATE_BODY = Pattern.compile("([0-9]+) ([a-z]+)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
            "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private Schedules() {
    }

    /** Empty when {@code expression} is a valid EventBridge schedule. */
    public static Optional<SyntaxError> check(String expression) {
        Matcher rate = RATE.matcher(expression);
        if (rate.matches()) {
            return rate(rate.group(1), rate.start(1));
        }
        Matcher cron = CRON.matcher(expression);
        if (cron.matches()) {
            return cron(cron.group(1), cron.start(1));
        }
        return Optional.of(new SyntaxError(
                "expected rate(<value> <unit>) such as rate(1 day), or cron(<6 fields>) such as cron(0 6 * * ? *)", 0));
    }

    private static Optional<SyntaxError> rate(String body, int at) {
        Matcher m = RATE_BODY.matcher(body);
        if (!m.matches()) {
            return error("rate(...) takes a positive whole number and a unit, e.g. rate(5 minutes)", at);
        }
        String digits = m.group(1);
        String unit = m.group(2);
        if (digits.length() > 9 || Long.parseLong(digits) < 1) {
            return error("the rate must be a whole number from 1 to 999999999", at);
        }
        long value = Long.parseLong(digits);
        int unitAt = at + m.start(2);
        List<String> units = value == 1 ? List.of("minute", "hour", "day") : List.of("minutes", "hours", "days");
        if (!units.contains(unit)) {
            String singular = unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
            boolean known = List.of("minute", "hour", "day").contains(singular);
            String message = !known ? "unknown unit '" + unit + "'; use minute(s), hour(s) or day(s)"
                    : value == 1 ? "with a value of 1 the unit is singular: '" + singular + "'"
                    : "with a value above 1 the unit is plural: '" + singular + "s'";
            return error(message, unitAt);
        }
        return Optional.empty();
    }

    private record Field(String name, int min, int max, List<String> names, boolean allowsQuestionMark) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minutes", 0, 59, List.of(), false),
            new Field("hours", 0, 23, List.of(), false),
            new Field("day-of-month", 1, 31, List.of(), true),
            new Field("month", 1, 12, MONTHS, false),
            new Field("day-of-week", 1, 7, DAYS, true),
            new Field("year", 1970, 2199, List.of(), false));

    private static Optional<SyntaxError> cron(String body, int at) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            while (i < body.length() && body.charAt(i) == ' ') {
                i++;
            }
            int start = i;
            while (i < body.length() && body.charAt(i) != ' ') {
                i++;
            }
            if (i > start) {
                spans.add(new int[] {start, i});
            }
        }
        if (spans.size() != 6) {
            return error("cron(...) has 6 fields (minutes hours day-of-month month day-of-week year); found "
                    + spans.size(), at);
        }
        for (int f = 0; f < 6; f++) {
            String text = body.substring(spans.get(f)[0], spans.get(f)[1]);
            Optional<SyntaxError> problem = field(FIELDS.get(f), text, at + spans.get(f)[0]);
            if (problem.isPresent()) {
                return problem;
            }
        }
        String dayOfMonth = body.substring(spans.get(2)[0], spans.get(2)[1]);
        String dayOfWeek = body.substring(spans.get(4)[0], spans.get(4)[1]);
        if (dayOfMonth.equals("?") == dayOfWeek.equals("?")) {
            return error("exactly one of day-of-month and day-of-week must be '?' (e.g. cron(0 6 * * ? *))",
                    at + spans.get(dayOfMonth.equals("?") ? 2 : 4)[0]);
        }
        return Optional.empty();
    }

    private static Optional<SyntaxError> field(Field field, String text, int at) {
        if (text.equals("?")) {
            return field.allowsQuestionMark() ? Optional.empty()
                    : error("'?' is only allowed in day-of-month and day-of-week", at);
        }
        int offset = 0;
        for (String item : text.split(",", -1)) {
            Optional<SyntaxError> problem = item(field, item, at + offset);
            if (problem.isPresent()) {
                return problem;
            }
            offset += item.length() + 1;
        }
        return Optional.empty();
    }

    private static final Pattern LAST_WEEKDAY_OF = Pattern.compile("([0-9]+)W");
    private static final Pattern LAST_DAY_OF = Pattern.compile("([0-9A-Za-z]+)L");
    private static final Pattern NTH_DAY = Pattern.compile("([0-9A-Za-z]+)#([0-9]+)");

    private static Optional<SyntaxError> item(Field field, String item, int at) {
        if (item.isEmpty()) {
            return error("empty value in " + field.name(), at);
        }
        boolean dayOfMonth = field.name().equals("day-of-month");
        boolean dayOfWeek = field.name().equals("day-of-week");
        if ((dayOfMonth && (item.equals("L") || item.equals("LW"))) || (dayOfWeek && item.equals("L"))) {
            return Optional.empty();
        }
        Matcher m;
        if (dayOfMonth && (m = LAST_WEEKDAY_OF.matcher(item)).matches()) {
            return value(field, m.group(1), at);
        }
        if (dayOfWeek && (m = LAST_DAY_OF.matcher(item)).matches()) {
            return value(field, m.group(1), at);
        }
        if (dayOfWeek && (m = NTH_DAY.matcher(item)).matches()) {
            Optional<SyntaxError> day = value(field, m.group(1), at);
            if (day.isPresent()) {
                return day;
            }
            int nth = m.group(2).length() > 2 ? 99 : Integer.parseInt(m.group(2));
            return nth >= 1 && nth <= 5 ? Optional.empty()
                    : error("the week number after '#' must be 1 to 5", at + m.start(2));
        }
        String range = item;
        int slash = item.indexOf('/');
        if (slash >= 0) {
            String step = item.substring(slash + 1);
            if (!step.matches("[0-9]{1,4}") || Integer.parseInt(step) < 1) {
                return error("the increment after '/' must be a positive number", at + slash + 1);
            }
            range = item.substring(0, slash);
        }
        if (range.equals("*")) {
            return Optional.empty();
        }
        int dash = range.indexOf('-');
        if (dash > 0) {
            Optional<SyntaxError> from = value(field, range.substring(0, dash), at);
            return from.isPresent() ? from : value(field, range.substring(dash + 1), at + dash + 1);
        }
        return value(field, range, at);
    }

    private static Optional<SyntaxError> value(Field field, String value, int at) {
        String upper = value.toUpperCase(Locale.ROOT);
        if (field.names().contains(upper)) {
            return Optional.empty();
        }
        if (!value.matches("[0-9]{1,4}")) {
            return error("'" + value + "' is not a valid " + field.name() + " value" + namesHint(field), at);
        }
        int n = Integer.parseInt(value);
        if (n < field.min() || n > field.max()) {
            return error(field.name() + " must be " + field.min() + "-" + field.max() + namesHint(field) + "; found " + n, at);
        }
        return Optional.empty();
    }

    private static String namesHint(Field field) {
        return field.names().isEmpty() ? "" : " or " + field.names().getFirst() + "-" + field.names().getLast();
    }

    private static Optional<SyntaxError> error(String message, int offset) {
        return Optional.of(new SyntaxError(message, offset));
    }
}
