package com.scantill.reports;

import com.scantill.ledger.ReportRecords.HourSum;
import com.scantill.ledger.ReportRecords.OperatorSum;
import com.scantill.model.Money;
import com.scantill.words.Words;
import java.util.List;

/**
 * What a period's charts show, in the reader's words: bars of a label and a value. The screen's charts and the PDF's
 * are drawn from these same figures, which are the report's own sums.
 */
public record ReportCharts(Chart paidAmountByHour, Chart salesByHour, Chart paidAmountByOperator, Chart statusShares) {

    public record Chart(String title, List<Bar> bars) {

        public Chart {
            bars = List.copyOf(bars);
        }
    }

    /** One bar: its label, its value (satang, or a count) and the value as a reader reads it. */
    public record Bar(String label, long value, String valueText) {
    }

    public static ReportCharts of(PeriodReport report, Words words) {
        List<HourSum> hours = report.byHourOfDay();
        DailyReport.Totals totals = report.totals();
        long finished = totals.successful().count() + totals.failed().count() + totals.expired().count()
                + totals.notCharged().count() + totals.stillOpen().count();
        return new ReportCharts(
                new Chart(words.get("chart.paidByHour"), hours.stream().map(hour ->
                        new Bar(String.format("%02d", hour.hour()), hour.paidAmount(), Money.format(hour.paidAmount()))).toList()),
                new Chart(words.get("chart.salesByHour"), hours.stream().map(hour ->
                        new Bar(String.format("%02d", hour.hour()), hour.sales(), words.number(hour.sales()))).toList()),
                new Chart(words.get("chart.paidByOperator"), report.byOperator().stream().map((OperatorSum operator) ->
                        new Bar(operator.operatorId(), operator.paidAmount(), Money.format(operator.paidAmount()))).toList()),
                new Chart(words.get("chart.statusShares"), List.of(
                        share(words, "paper.successful", totals.successful().count(), finished),
                        share(words, "paper.failed", totals.failed().count(), finished),
                        share(words, "paper.expired", totals.expired().count(), finished),
                        share(words, "paper.notCharged", totals.notCharged().count(), finished),
                        share(words, "paper.stillOpen", totals.stillOpen().count(), finished))));
    }

    private static Bar share(Words words, String key, long count, long all) {
        long percent = all == 0 ? 0 : Math.round(100.0 * count / all);
        return new Bar(words.get(key), count, words.get("chart.share", words.number(count), percent));
    }
}
