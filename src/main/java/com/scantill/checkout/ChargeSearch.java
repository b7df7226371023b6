package com.scantill.checkout;

import com.scantill.model.Sale;
import com.scantill.omise.Charge;
import com.scantill.omise.ListRequest;
import com.scantill.omise.OmiseClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks through Omise's charges only where a sale's can be: created within the clock margin of the sale, so that a
 * search costs the same whatever the number of charges on the account.
 */
final class ChargeSearch {

    private final OmiseClient client;
    private final String tillId;
    private final Duration clockMargin;

    ChargeSearch(OmiseClient client, String tillId, Duration clockMargin) {
        this.client = client;
        this.tillId = tillId;
        this.clockMargin = clockMargin;
    }

    /** The sale's charge, if Omise made one. */
    Optional<Charge> chargeOf(Sale sale) {
        return client.streamCharges(window(sale.createdAt(), sale.createdAt()))
                .filter(charge -> sale.tillReference().equals(charge.tillReference()))
                .findFirst();
    }

    /** The charges Omise made for any of {@code sales}, listing each stretch of time they span once. */
    List<Charge> chargesOf(List<Sale> sales) {
        Set<String> references = sales.stream().map(Sale::tillReference).collect(Collectors.toSet());
        List<Charge> found = new ArrayList<>();
        for (List<Sale> near : nearEachOther(sales)) {
            client.streamCharges(window(near.get(0).createdAt(), near.get(near.size() - 1).createdAt()))
                    .filter(charge -> references.contains(charge.tillReference()))
                    .forEach(found::add);
        }
        return found;
    }

    /** The charges this till made from {@code from} to {@code until}, give or take the clock margin. */
    List<Charge> chargesOfThisTill(Instant from, Instant until) {
        return client.streamCharges(window(from, until))
                .filter(charge -> tillId.equals(charge.metadata().get(CheckoutEngine.TILL_ID_KEY)) && charge.tillReference() != null)
                .toList();
    }

    private ListRequest window(Instant first, Instant last) {
        return ListRequest.newestBetween(first.minus(clockMargin), last.plus(clockMargin), ListRequest.MAX_LIMIT);
    }

    /** Sales in time order, in runs whose search windows overlap. */
    private List<List<Sale>> nearEachOther(List<Sale> sales) {
        Duration margin = clockMargin.multipliedBy(2);
        List<List<Sale>> runs = new ArrayList<>();
        List<Sale> run = new ArrayList<>();
        for (Sale sale : sales) {
            if (!run.isEmpty() && sale.createdAt().isAfter(run.get(run.size() - 1).createdAt().plus(margin))) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(sale);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }
}
