package com.scantill.operators;

import com.scantill.model.Role;

/**
 * Who is signed in, or who approved an action.
 *
 * @param language the language they chose on the sign-in screen ({@code th}, {@code en}), or {@code null} for the till's own
 */
public record Operator(String id, String displayName, Role role, String language) {

    public Operator(String id, String displayName, Role role) {
        this(id, displayName, role, null);
    }

    public boolean may(Role needed) {
        return role.atLeast(needed);
    }
}
