package com.scantill.app;

import com.scantill.checkout.Staff;
import com.scantill.model.Approval;
import com.scantill.model.ApprovalRequest;
import com.scantill.operators.Operators;
import java.util.Optional;

/** The operators' service as the checkout engine asks it who may do what. */
public final class OperatorsAsStaff implements Staff {

    private final Operators operators;

    public OperatorsAsStaff(Operators operators) {
        this.operators = operators;
    }

    @Override
    public boolean mayWork(String operatorId) {
        return operators.isActive(operatorId);
    }

    @Override
    public Optional<String> spend(Approval approval, ApprovalRequest request) {
        return operators.spend(approval, request);
    }
}
