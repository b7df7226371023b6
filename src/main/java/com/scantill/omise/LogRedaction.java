package com.scantill.omise;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/**
 * The second guard of the secret key and of payment codes in the log, set in code so that no logging configuration
 * can take it away: HttpClient's wire and header logging (which prints the {@code Authorization} header) is never
 * let through below INFO, and any other line that would print a key, an {@code Authorization} value or a whole
 * payment code is printed redacted instead. The first guard is that ScanTill's own code only ever logs masked values.
 */
final class LogRedaction extends TurboFilter {

    private static final Pattern CODE = Pattern.compile("(?<!\\d)\\d{12,20}(\\d{4})(?!\\d)");
    private static final Pattern KEY = Pattern.compile("(skey_(?:test_)?)[A-Za-z0-9]+");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)(authorization\\s*[:=]\\s*)(basic|bearer)?\\s*\\S+");
    private static final Pattern BASIC = Pattern.compile("(?i)(basic\\s+)[A-Za-z0-9+/=]{12,}");
    private static final ThreadLocal<Boolean> RELOGGING = ThreadLocal.withInitial(() -> false);

    /** Adds the guard to the logging of this process, once; nothing when the logging is not Logback's. */
    static synchronized void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(LogRedaction.class::isInstance)) {
            LogRedaction guard = new LogRedaction();
            guard.setName("scantill-redaction");
            guard.start();
            context.addTurboFilter(guard);
        }
    }

    static String redact(String text) {
        String redacted = AUTHORIZATION.matcher(text).replaceAll("$1[redacted]");
        redacted = BASIC.matcher(redacted).replaceAll("$1[redacted]");
        redacted = KEY.matcher(redacted).replaceAll("$1…");
        return CODE.matcher(redacted).replaceAll(match -> "*".repeat(match.group().length() - 4) + match.group(1));
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (RELOGGING.get() || format == null || level == null || !level.isGreaterOrEqual(logger.getEffectiveLevel())) {
            return FilterReply.NEUTRAL;
        }
        if (logger.getName().startsWith("org.apache.hc") && !level.isGreaterOrEqual(Level.INFO)) {
            return FilterReply.DENY;
        }
        String message = params == null ? format : MessageFormatter.arrayFormat(format, params).getMessage();
        String redacted = redact(message);
        if (redacted.equals(message)) {
            return FilterReply.NEUTRAL;
        }
        RELOGGING.set(true);
        try {
            logger.log(marker, Logger.FQCN, Level.toLocationAwareLoggerInteger(level), redacted, null, t);
        } finally {
            RELOGGING.set(false);
        }
        return FilterReply.DENY;
    }
}
