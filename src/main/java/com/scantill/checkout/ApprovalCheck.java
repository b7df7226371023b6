package com.scantill.checkout;

import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import java.util.Optional;

/** Where the engine has a supervisor's approval checked and spent: the operators' service, wired in by the app. */
@FunctionalInterface
public interface ApprovalCheck {

    /**
     * Spends {@code approval} on {@code request}.
     *
     * @return the approver's id when the approval was issued for exactly this request, by an operator who may still
     *         give it, and was not spent before; empty otherwise, and the approval is then of no more use
     */
    Optional<String> spend(Approval approval, ApprovalRequest request);
}
