package com.scantill.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The payment code formats the till recognises, as data: {@code payment-codes.tsv} beside this class says which
 * method (and maybe which wallet) a code of which first digits and length belongs to.
 */
public final class PaymentCodeFormats {

    /**
     * One format: codes of {@code minLength} to {@code maxLength} digits whose first digits lie between
     * {@code firstFrom} and {@code firstTo} (numbers of the same length).
     *
     * @param wallet the wallet the format names, or {@code null} when the code alone cannot tell
     */
    public record Format(PaymentMethod method, String firstFrom, String firstTo, int minLength, int maxLength, String wallet) {

        public Format {
            if (!DIGITS.matcher(firstFrom).matches() || !DIGITS.matcher(firstTo).matches()
                    || firstFrom.length() != firstTo.length() || firstFrom.compareTo(firstTo) > 0) {
                throw new IllegalArgumentException("First digits " + firstFrom + "-" + firstTo
                        + " are not a range of numbers of one length");
            }
            if (minLength < firstFrom.length() || minLength > maxLength) {
                throw new IllegalArgumentException("Lengths " + minLength + "-" + maxLength + " do not fit first digits " + firstFrom);
            }
        }

        public boolean matches(String code) {
            if (code.length() < minLength || code.length() > maxLength || !DIGITS.matcher(code).matches()) {
                return false;
            }
            String first = code.substring(0, firstFrom.length());
            return first.compareTo(firstFrom) >= 0 && first.compareTo(firstTo) <= 0;
        }

        /** How many first digits the format names: the more, the more specific. */
        int prefixLength() {
            return firstFrom.length();
        }
    }

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern RANGE = Pattern.compile("([0-9]+)(?:-([0-9]+))?");
    private static final String RESOURCE = "payment-codes.tsv";
    private static final PaymentCodeFormats STANDARD = read();

    private final List<Format> formats;

    private PaymentCodeFormats(List<Format> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("No payment code format at all");
        }
        this.formats = formats.stream().sorted(Comparator.comparingInt(Format::prefixLength).reversed()).toList();
    }

    /** The formats shipped with the till. */
    public static PaymentCodeFormats standard() {
        return STANDARD;
    }

    /** Formats from the lines of a table like {@code payment-codes.tsv}; a line it cannot read is refused, named. */
    public static PaymentCodeFormats parse(List<String> lines) {
        List<Format> formats = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                formats.add(format(line));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Payment code formats, line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new PaymentCodeFormats(formats);
    }

    private static Format format(String line) {
        String[] fields = line.split("\\s+", 4);
        if (fields.length != 4) {
            throw new IllegalArgumentException("four fields expected (source type, first digits, length, wallet): " + line);
        }
        Matcher first = range(fields[1]);
        Matcher length = range(fields[2]);
        int minLength = Integer.parseInt(length.group(1));
        int maxLength = length.group(2) == null ? minLength : Integer.parseInt(length.group(2));
        String wallet = fields[3].strip().equals("-") ? null : fields[3].strip();
        return new Format(new PaymentMethod(fields[0]), first.group(1), first.group(2) == null ? first.group(1) : first.group(2),
                minLength, maxLength, wallet);
    }

    private static Matcher range(String field) {
        Matcher range = RANGE.matcher(field);
        if (!range.matches()) {
            throw new IllegalArgumentException("not a number or a range of numbers: " + field);
        }
        return range;
    }

    private static PaymentCodeFormats read() {
        try (InputStream in = PaymentCodeFormats.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The format a code belongs to: the one naming most of its first digits, when several do. */
    public Optional<Format> formatOf(String code) {
        return code == null ? Optional.empty() : formats.stream().filter(format -> format.matches(code)).findFirst();
    }

    /** Every format, the most specific first. */
    public List<Format> formats() {
        return formats;
    }
}
