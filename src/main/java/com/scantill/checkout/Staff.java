package com.scantill.checkout;

import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import java.util.Optional;

/**
 * Who may do what, asked by the engine of the operators' service (wired in by the app), so that the rules hold
 * whoever calls the engine, not only behind the screens.
 */
public interface Staff {

    /** Whether {@code operatorId} is an operator of this till who may work now: known, and enabled. */
    boolean mayWork(String operatorId);

    /**
     * Spends {@code approval} on {@code request}.
     *
     * @return the approver's id when the approval was issued for exactly this request, by an operator who may still
     *         give it, and was not spent before; empty otherwise, and the approval is then of no more use
     */
    Optional<String> spend(Approval approval, ApprovalRequest request);
}
