package com.scantill.ledger;

import com.scantill.model.Sale;
import com.scantill.model.SaleStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The sums and counts a daily report is made of, computed in SQL over the ledger (portable to PostgreSQL).
 * {@code tillId} {@code null} means every till in the ledger.
 */
public final class ReportRecords {

    /** Sales of one status (and failure code) in a period. */
    public record StatusSum(SaleStatus status, String failureCode, long count, long amount, long fee, long feeVat, long net) {
    }

    /** One operator's sales in a period; {@code paidAmount} counts successful sales only. */
    public record OperatorSum(String operatorId, long sales, long paid, long paidAmount) {
    }

    /** One payment method's sales in a period (Omise's source type); the paid amount and fees are of successful sales. */
    public record MethodSum(String sourceType, long sales, long paid, long paidAmount, long fee, long feeVat, long net) {
    }

    /** The sales started in the {@code hour}-th hour after the period began. */
    public record HourSum(int hour, long sales, long paid, long paidAmount) {
    }

    public record RefundSum(long count, long amount) {
    }

    /** The sales a filter picks: all of them, and the successful ones with their fees. */
    public record FilteredSum(long sales, long amount, long paid, long paidAmount, long fee, long feeVat, long net) {
    }

    /**
     * The sales started in the quarter hour from {@code start}, and the refunds made in it. Every time zone's offset
     * and daylight-saving change falls on a quarter hour, so quarters add up exactly into any zone's days and hours.
     */
    public record QuarterSum(Instant start, long sales, long paid, long paidAmount, long fee, long feeVat, long net,
                             long refunds, long refundedAmount) {
    }

    private static final long QUARTER_SECONDS = 15 * 60;

    private final Ledger ledger;

    ReportRecords(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * A period's sums four ways, from two passes over its sales instead of four: grouped finely in SQL by status,
     * failure, method and operator, then added up here; and by hour. A shop's day in the store is a hundred thousand
     * sales. (The hour is apart because grouping by it as well makes PostgreSQL expect as many groups as sales and
     * sort them all: five times slower, measured in {@code StoreReportBenchmark}.)
     */
    public record PeriodSums(List<StatusSum> byStatus, List<MethodSum> byMethod, List<OperatorSum> byOperator, List<HourSum> byHour) {
    }

    /** Sales grouped finely in SQL; {@code quarterHour} from 1970, when grouped by it too. */
    private record Group(long quarterHour, SaleStatus status, String failureCode, String sourceType, String operatorId, long count,
                         long amount, long fee, long feeVat, long net) {

        boolean paid() {
            return status == SaleStatus.SUCCESSFUL;
        }
    }

    public PeriodSums sums(Instant from, Instant to, String tillId) {
        SaleFilter period = SaleFilter.period(from, to, tillId);
        List<Group> groups = ledger.query("SELECT 0, status, failure_code, source_type, operator_id, " + SUMS + " FROM sale WHERE "
                        + period.where() + " GROUP BY status, failure_code, source_type, operator_id",
                ReportRecords::group, period.parameters());
        return rolledUp(groups, byHour(from, to, tillId));
    }

    /** A period's sums by status, method and operator, and by quarter hour (with the refunds made in each). */
    public record QuarterlySums(PeriodSums sums, List<QuarterSum> byQuarter) {
    }

    /**
     * Any period's sums in one pass over its sales, grouped by quarter hour as well, which a month or a year needs for
     * its days and hours: one pass over a year of sales instead of three.
     */
    public QuarterlySums sumsByQuarter(Instant from, Instant to, String tillId) {
        SaleFilter period = SaleFilter.period(from, to, tillId);
        List<Group> groups = ledger.query("SELECT " + ledger.quarterHourOf("created_at") + " AS quarter_hour, status, "
                        + "failure_code, source_type, operator_id, " + SUMS + " FROM sale WHERE " + period.where()
                        + " GROUP BY quarter_hour, status, failure_code, source_type, operator_id",
                ReportRecords::group, period.parameters());
        Map<Long, RefundSum> refunds = new HashMap<>();
        ledger.query("SELECT " + ledger.quarterHourOf("r.finished_at") + " AS quarter_hour, COUNT(*), SUM(r.amount) FROM sale_refund r "
                        + "WHERE " + refundsMadeIn(tillId) + " GROUP BY quarter_hour",
                row -> refunds.put(row.getLong(1), new RefundSum(row.getLong(2), row.getLong(3))), parameters(from, to, tillId));
        Map<Long, List<Group>> sales = groups.stream().collect(Collectors.groupingBy(Group::quarterHour));
        Set<Long> quarters = new TreeSet<>(sales.keySet());
        quarters.addAll(refunds.keySet());
        List<QuarterSum> byQuarter = quarters.stream().map(quarter -> {
            List<Group> members = sales.getOrDefault(quarter, List.of());
            List<Group> paid = members.stream().filter(Group::paid).toList();
            RefundSum refunded = refunds.getOrDefault(quarter, new RefundSum(0, 0));
            return new QuarterSum(Instant.ofEpochSecond(quarter * QUARTER_SECONDS), sum(members, Group::count), sum(paid, Group::count),
                    sum(paid, Group::amount), sum(paid, Group::fee), sum(paid, Group::feeVat), sum(paid, Group::net),
                    refunded.count(), refunded.amount());
        }).toList();
        return new QuarterlySums(rolledUp(groups, List.of()), byQuarter);
    }

    private static final String SUMS = "COUNT(*), COALESCE(SUM(amount), 0), COALESCE(SUM(fee), 0), COALESCE(SUM(fee_vat), 0), "
            + "COALESCE(SUM(net), 0)";

    private static Group group(ResultSet row) throws SQLException {
        return new Group(row.getLong(1), SaleStatus.valueOf(row.getString(2)), row.getString(3), row.getString(4),
                row.getString(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getLong(9), row.getLong(10));
    }

    /** The groups added up by status (and failure), by method and by operator. */
    private static PeriodSums rolledUp(List<Group> groups, List<HourSum> byHour) {
        // Failure codes as H2 and PostgreSQL both order them when told: none first.
        Comparator<String> noneFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        List<StatusSum> byStatus = rolledUp(groups, group -> Arrays.asList(group.status(), group.failureCode()),
                (key, members) -> new StatusSum((SaleStatus) key.get(0), (String) key.get(1), sum(members, Group::count),
                        sum(members, Group::amount), sum(members, Group::fee), sum(members, Group::feeVat), sum(members, Group::net)),
                Comparator.comparing((StatusSum sum) -> sum.status().name()).thenComparing(StatusSum::failureCode, noneFirst));
        List<MethodSum> byMethod = rolledUp(groups, group -> List.of(group.sourceType()),
                (key, members) -> {
                    List<Group> paid = members.stream().filter(Group::paid).toList();
                    return new MethodSum((String) key.get(0), sum(members, Group::count), sum(paid, Group::count),
                            sum(paid, Group::amount), sum(paid, Group::fee), sum(paid, Group::feeVat), sum(paid, Group::net));
                }, Comparator.comparing(MethodSum::sourceType));
        List<OperatorSum> byOperator = rolledUp(groups, group -> List.of(group.operatorId()),
                (key, members) -> {
                    List<Group> paid = members.stream().filter(Group::paid).toList();
                    return new OperatorSum((String) key.get(0), sum(members, Group::count), sum(paid, Group::count), sum(paid, Group::amount));
                }, Comparator.comparing(OperatorSum::operatorId));
        return new PeriodSums(byStatus, byMethod, byOperator, byHour);
    }

    private static <T> List<T> rolledUp(List<Group> groups, Function<Group, List<Object>> key,
                                        BiFunction<List<Object>, List<Group>, T> sum, Comparator<T> order) {
        Map<List<Object>, List<Group>> byKey = new HashMap<>();
        for (Group group : groups) {
            byKey.computeIfAbsent(key.apply(group), k -> new ArrayList<>()).add(group);
        }
        return byKey.entrySet().stream().map(entry -> sum.apply(entry.getKey(), entry.getValue())).sorted(order).toList();
    }

    private static long sum(List<Group> groups, ToLongFunction<Group> value) {
        return groups.stream().mapToLong(value).sum();
    }

    /** Refunds made in the period, whatever day their sale was. */
    public RefundSum refundsMade(Instant from, Instant to, String tillId) {
        // Driven from the day's few refunds, each sale looked up by its key, rather than from all of a till's sales.
        return ledger.query("SELECT COUNT(*), COALESCE(SUM(r.amount), 0) FROM sale_refund r WHERE " + refundsMadeIn(tillId),
                row -> new RefundSum(row.getLong(1), row.getLong(2)), parameters(from, to, tillId)).get(0);
    }

    /** The refunds made from one instant to another, of one till's sales when {@code tillId} is given. */
    private static String refundsMadeIn(String tillId) {
        return "r.status = 'DONE' AND r.finished_at >= ? AND r.finished_at < ?" + (tillId == null ? ""
                : " AND EXISTS (SELECT 1 FROM sale s WHERE s.till_reference = r.till_reference AND s.till_id = ?)");
    }

    public FilteredSum sum(SaleFilter filter) {
        return ledger.query("SELECT COUNT(*), COALESCE(SUM(amount), 0), "
                        + "COALESCE(SUM(CASE WHEN status = 'SUCCESSFUL' THEN 1 ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN status = 'SUCCESSFUL' THEN amount ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN status = 'SUCCESSFUL' THEN fee ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN status = 'SUCCESSFUL' THEN fee_vat ELSE 0 END), 0), "
                        + "COALESCE(SUM(CASE WHEN status = 'SUCCESSFUL' THEN net ELSE 0 END), 0) FROM sale WHERE " + filter.where(),
                row -> new FilteredSum(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getLong(6), row.getLong(7)), filter.parameters()).get(0);
    }

    /** The first {@code limit} sales a filter picks, oldest first. */
    public List<Sale> sales(SaleFilter filter, int limit) {
        return sales(filter, SaleOrder.OLDEST, limit);
    }

    /** The first {@code limit} sales a filter picks, in {@code order}. */
    public List<Sale> sales(SaleFilter filter, SaleOrder order, int limit) {
        return ledger.sales().querySales("WHERE " + filter.where() + " ORDER BY " + order.orderBy() + " FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", filter.parameters());
    }

    public List<HourSum> byHour(Instant from, Instant to, String tillId) {
        // Hours from the period's start, counted in the quarter hours each database counts fastest. The start goes in as
        // a number, not a parameter: H2 plans a parameter inside GROUP BY badly.
        SaleFilter period = SaleFilter.period(from, to, tillId);
        String hour = "CAST((" + ledger.quarterHourOf("created_at") + " - " + from.getEpochSecond() / QUARTER_SECONDS + ") / 4 AS INTEGER)";
        return ledger.query("SELECT " + hour + " AS hour_of_day, COUNT(*), SUM(CASE WHEN status = 'SUCCESSFUL' THEN 1 ELSE 0 END), "
                        + "SUM(CASE WHEN status = 'SUCCESSFUL' THEN amount ELSE 0 END) FROM sale WHERE " + period.where()
                        + " GROUP BY hour_of_day ORDER BY hour_of_day",
                row -> new HourSum(row.getInt(1), row.getLong(2), row.getLong(3), row.getLong(4)), period.parameters());
    }


    public List<Sale> sales(Instant from, Instant to, String tillId) {
        return sales(SaleFilter.period(from, to, tillId), SaleOrder.OLDEST, Integer.MAX_VALUE);
    }

    /**
     * Sales started before {@code to} that were paid after being expired or abandoned and are not yet refunded in
     * full. They are few, so the till is picked out here rather than letting the database scan a till's every sale.
     */
    public List<Sale> refundsOwed(Instant to, String tillId) {
        return ledger.sales().querySales("WHERE refund_owed = TRUE AND refunded_amount < amount AND created_at < ? ORDER BY created_at", to)
                .stream().filter(sale -> tillId == null || tillId.equals(sale.tillId())).toList();
    }

    /**
     * Sales whose payment code ends in {@code lastFour}, newest first. The ledger keeps the code masked, a star for each
     * hidden digit; each length a code may have is looked up whole in its index instead of scanning every sale.
     */
    public List<Sale> findByLastFour(String lastFour, int limit) {
        List<Object> masked = new ArrayList<>();
        for (int hidden = 0; hidden <= MOST_HIDDEN_DIGITS; hidden++) {
            masked.add("*".repeat(hidden) + lastFour);
        }
        return fewFound("payment_code_masked IN (" + String.join(", ", Collections.nCopies(masked.size(), "?")) + ")", limit,
                masked.toArray());
    }

    /** More digits than any wallet's payment code hides (WeChat Pay's 18-digit code hides 14). */
    private static final int MOST_HIDDEN_DIGITS = 36;

    /** Sales whose charge id starts with {@code prefix}, newest first. */
    public List<Sale> findByChargeId(String prefix, int limit) {
        return fewFound("charge_id LIKE ?", limit, likePrefix(prefix));
    }

    /** Sales whose till reference starts with {@code prefix}, newest first. */
    public List<Sale> findByTillReference(String prefix, int limit) {
        return fewFound("till_reference LIKE ?", limit, likePrefix(prefix));
    }

    /** Sales of exactly {@code amount} satang, newest first. */
    public List<Sale> findByAmount(long amount, int limit) {
        return fewFound("amount = ?", limit, amount);
    }

    /** Sales started in any of the {@code [from, to)} spans, newest first: each span looked up on its own in the index. */
    public List<Sale> findStartedIn(List<Instant[]> spans, int limit) {
        List<Sale> found = new ArrayList<>();
        for (Instant[] span : spans) {
            found.addAll(ledger.sales().querySales("WHERE created_at >= ? AND created_at < ? FETCH FIRST " + Math.max(1, limit)
                    + " ROWS ONLY", span[0], span[1]));
        }
        return newestFirst(found, limit);
    }

    /**
     * Sales matched by a key that few share (a code's end, a charge id, a reference, an amount), found through its index and put
     * newest first here: told to sort in SQL, the databases would rather read every sale backwards by time.
     */
    private List<Sale> fewFound(String condition, int limit, Object... parameters) {
        List<Sale> matches = ledger.sales().querySales("WHERE " + condition + " FETCH FIRST " + MOST_MATCHES + " ROWS ONLY",
                parameters);
        if (matches.size() < MOST_MATCHES) {
            return newestFirst(matches, limit);
        }
        // Not few after all (an amount every customer pays, say): the newest, as the database finds them.
        return ledger.sales().querySales("WHERE " + condition + " ORDER BY created_at DESC, till_reference DESC FETCH FIRST "
                + Math.max(1, limit) + " ROWS ONLY", parameters);
    }

    private static List<Sale> newestFirst(List<Sale> sales, int limit) {
        return sales.stream().sorted(Comparator.comparing(Sale::createdAt).thenComparing(Sale::tillReference).reversed())
                .limit(Math.max(1, limit)).toList();
    }

    /** The most sales a key that few share is read for. */
    private static final int MOST_MATCHES = 10_000;

    private static String likePrefix(String prefix) {
        return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    public List<String> tillIds() {
        // One look into the (till_id, created_at) index a till, rather than a scan of every sale: a store holds millions.
        return ledger.query("WITH RECURSIVE tills (till_id) AS (SELECT MIN(till_id) FROM sale UNION ALL "
                + "SELECT (SELECT MIN(s.till_id) FROM sale s WHERE s.till_id > tills.till_id) FROM tills WHERE tills.till_id IS NOT NULL) "
                + "SELECT till_id FROM tills WHERE till_id IS NOT NULL ORDER BY till_id", row -> row.getString(1));
    }

    /** The parameters of {@link #refundsMadeIn}. */
    private static Object[] parameters(Instant from, Instant to, String tillId) {
        return tillId == null ? new Object[] {from, to} : new Object[] {from, to, tillId};
    }
}
