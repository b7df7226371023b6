package com.scantill.model;

import java.util.Objects;

/**
 * A supervisor's approval of one request, after their PIN was checked. The ticket is what proves it: the operators'
 * service issued it for this request alone and honours it once.
 *
 * @param ticket       a random token the operators' service knows; never shown or logged
 * @param approverId   who approved, as the operators' service found them
 * @param approverName their name, for the screen
 */
public record Approval(String ticket, String approverId, String approverName, ApprovalRequest request) {

    public Approval {
        Objects.requireNonNull(ticket, "ticket");
        Objects.requireNonNull(request, "request");
    }

    @Override
    public String toString() {
        return "Approval[" + request + " by " + approverId + "]";
    }
}
