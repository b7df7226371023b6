package com.scantill.operators;

import com.scantill.model.Role;

/** Who is signed in, or who approved an action. */
public record Operator(String id, String displayName, Role role) {

    public boolean may(Role needed) {
        return role.atLeast(needed);
    }
}
