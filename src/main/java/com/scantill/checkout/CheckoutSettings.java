package com.scantill.checkout;

import com.scantill.model.PaymentMethod;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How a till's checkout engine behaves.
 *
 * @param pendingLimit     how long a charge may stay pending before the cashier is offered to expire it
 * @param lateChargeWindow how far back Omise's charges are checked for one that turned up late: for a sale settled as
 *                         never charged, or made by this till for a sale the ledger lacks (lost in a power cut, say)
 * @param sweepInterval    how often that check, and the settling of refunds whose answer was lost, run
 * @param methods          the payment methods Omise has switched on for the shop's account: a code of another is
 *                         refused before anything is written or sent
 * @param pushedPolling    how often a pending charge is looked at while the store pushes Omise's news of charges to
 *                         the till: a slow safety net, since the push says when to look
 */
public record CheckoutSettings(
        String tillId,
        PollingSchedule polling,
        Duration pendingLimit,
        ReconcilePolicy reconciliation,
        Duration lateChargeWindow,
        Duration sweepInterval,
        Set<PaymentMethod> methods,
        PollingSchedule pushedPolling,
        Clock clock) {

    public CheckoutSettings {
        Objects.requireNonNull(tillId, "tillId");
        Objects.requireNonNull(polling, "polling");
        Objects.requireNonNull(pushedPolling, "pushedPolling");
        Objects.requireNonNull(reconciliation, "reconciliation");
        Objects.requireNonNull(clock, "clock");
        methods = Set.copyOf(methods);
    }

    public static CheckoutSettings defaults(String tillId) {
        return new CheckoutSettings(tillId, PollingSchedule.adaptive(), Duration.ofSeconds(60), ReconcilePolicy.standard(),
                Duration.ofDays(1), Duration.ofMinutes(5), Set.of(PaymentMethod.WECHAT_PAY), PollingSchedule.safetyNet(), Clock.systemUTC());
    }

    public CheckoutSettings withPolling(PollingSchedule schedule) {
        return new CheckoutSettings(tillId, schedule, pendingLimit, reconciliation, lateChargeWindow, sweepInterval, methods, pushedPolling, clock);
    }

    public CheckoutSettings withPendingLimit(Duration limit) {
        return new CheckoutSettings(tillId, polling, limit, reconciliation, lateChargeWindow, sweepInterval, methods, pushedPolling, clock);
    }

    public CheckoutSettings withReconciliation(ReconcilePolicy policy) {
        return new CheckoutSettings(tillId, polling, pendingLimit, policy, lateChargeWindow, sweepInterval, methods, pushedPolling, clock);
    }

    public CheckoutSettings withSweepInterval(Duration interval) {
        return new CheckoutSettings(tillId, polling, pendingLimit, reconciliation, lateChargeWindow, interval, methods, pushedPolling, clock);
    }

    public CheckoutSettings withMethods(Set<PaymentMethod> newMethods) {
        return new CheckoutSettings(tillId, polling, pendingLimit, reconciliation, lateChargeWindow, sweepInterval, newMethods, pushedPolling, clock);
    }

    public CheckoutSettings withPushedPolling(PollingSchedule schedule) {
        return new CheckoutSettings(tillId, polling, pendingLimit, reconciliation, lateChargeWindow, sweepInterval, methods, schedule, clock);
    }

    public CheckoutSettings withClock(Clock newClock) {
        return new CheckoutSettings(tillId, polling, pendingLimit, reconciliation, lateChargeWindow, sweepInterval, methods, pushedPolling, newClock);
    }
}
