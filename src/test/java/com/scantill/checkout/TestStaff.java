package com.scantill.checkout;

import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import java.util.Optional;

/**
 * Staff for tests that are not about who may do what: anyone may work, and approvals are none, or each honoured for
 * the request it names. Tests of those rules use the real operators' service ({@link Till}).
 */
final class TestStaff implements Staff {

    static final Staff WITHOUT_APPROVALS = new TestStaff(false);
    static final Staff APPROVING_AS_ASKED = new TestStaff(true);

    private final boolean approving;

    private TestStaff(boolean approving) {
        this.approving = approving;
    }

    @Override
    public boolean mayWork(String operatorId) {
        return true;
    }

    @Override
    public Optional<String> spend(Approval approval, ApprovalRequest request) {
        return approving && approval.request().equals(request) ? Optional.of(approval.approverId()) : Optional.empty();
    }

    static Approval expiry(String reference, long amount) {
        return new Approval("test", "supervisor", "Supervisor", new ApprovalRequest(ApprovalRequest.Action.EXPIRE, reference, amount));
    }
}
