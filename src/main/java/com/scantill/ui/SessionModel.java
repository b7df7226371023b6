package com.scantill.ui;

import com.scantill.operators.Operator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** Who is signed in at this till. */
public final class SessionModel {

    private final ReadOnlyObjectWrapper<Operator> operator = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    public ReadOnlyObjectProperty<Operator> operatorProperty() {
        return operator.getReadOnlyProperty();
    }

    public Operator operator() {
        return operator.get();
    }

    /** Why the last operator left, for the sign-in screen ("Signed out after 10 minutes without use"). */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    void signedIn(Operator who) {
        notice.set("");
        operator.set(who);
    }

    void signOut(String why) {
        notice.set(why);
        operator.set(null);
    }
}
