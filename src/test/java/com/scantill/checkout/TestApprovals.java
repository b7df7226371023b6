package com.scantill.checkout;

import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import java.util.Optional;

/**
 * Approval checks for tests that are not about approvals: none granted, or each honoured for the request it names.
 * Tests of approvals use the real operators' service ({@link Till}).
 */
final class TestApprovals {

    static final ApprovalCheck NONE = (approval, request) -> Optional.empty();
    static final ApprovalCheck AS_ASKED = (approval, request) ->
            approval.request().equals(request) ? Optional.of(approval.approverId()) : Optional.empty();

    private TestApprovals() {
    }

    static Approval expiry(String reference, long amount) {
        return new Approval("test", "supervisor", "Supervisor", new ApprovalRequest(ApprovalRequest.Action.EXPIRE, reference, amount));
    }
}
